package places

// aliases maps names of zones that are run as one with a county-level unit
// (政区合一: one party working committee, one government) to that unit.
// Reports of such units use either name, often both: "无锡高新区(新吴区)".
//
// Source: each district government's own description of its administrative
// arrangement, as of 2023. Limits: only whole-unit equivalences are listed;
// zones that straddle several districts (两江新区, 天府新区, 金普新区) are
// not, because naming one district for them would be a guess. NBS's own zone
// units (合肥高新技术产业开发区 …) and their abbreviations come from the
// gazetteer itself and need no entry here.
var aliases = []struct{ name, code string }{
	{"无锡高新区", "320214"},   // 新吴区
	{"无锡国家高新区", "320214"}, // 新吴区
	{"苏州高新区", "320505"},   // 虎丘区
	{"常州高新区", "320411"},   // 新北区
	{"常州国家高新区", "320411"}, // 新北区
	{"杭州高新区", "330108"},   // 滨江区
	{"青岛西海岸新区", "370211"}, // 黄岛区
	{"海沧台商投资区", "350205"}, // 海沧区
	{"海沧投资区", "350205"},   // 海沧区
	{"广州南沙新区", "440115"},  // 南沙区
	{"南沙新区", "440115"},    // 南沙区
	{"浦东新区", "310115"},    // its own name; listed so the short 浦东 is not needed
	{"天津滨海新区", "120116"},  // 滨海新区
	{"郑州航空港区", "410173"},  // NBS zone 郑州航空港经济综合实验区

	// The banners of Inner Mongolia whose long names their own governments
	// abbreviate (科左中旗人民政府, 达茂旗委); each abbreviation is unique.
	// Two-character ones (伊旗, 莫旗, 陈旗) are left out: a surname before
	// 旗长 (陈旗长) would read as one.
	{"土左旗", "150121"},
	{"土右旗", "150221"},
	{"达茂旗", "150223"},
	{"阿鲁旗", "150421"},
	{"科左中旗", "150521"},
	{"科左后旗", "150522"},
	{"鄂前旗", "150623"},
	{"新左旗", "150726"},
	{"新右旗", "150727"},
	{"乌前旗", "150823"},
	{"乌中旗", "150824"},
	{"乌后旗", "150825"},
	{"杭后旗", "150826"},
	{"察右前旗", "150926"},
	{"察右中旗", "150927"},
	{"察右后旗", "150928"},
	{"科右前旗", "152221"},
	{"科右中旗", "152222"},
	{"苏左旗", "152523"},
	{"苏右旗", "152524"},
	{"东乌旗", "152525"},
	{"西乌旗", "152526"},
	{"阿左旗", "152921"},
	{"阿右旗", "152922"},
}

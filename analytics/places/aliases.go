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
}

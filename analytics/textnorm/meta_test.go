package textnorm

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"2022-04-22", "2022-04-22"},
		{"2022-4-2", "2022-04-02"},
		{"2022年4月22日", "2022-04-22"},
		{"2022年04月22日 10:24", "2022-04-22"},
		{"2022 年 4 月 22 日", "2022-04-22"},
		{"2022/4/22", "2022-04-22"},
		{"2022.04.22", "2022-04-22"},
		{"2022-04-15 13:52", "2022-04-15"},
		{"20220422", "2022-04-22"},
		{"二〇二二年四月二十二日", "2022-04-22"},
		{"二〇一八年六月十三日", "2018-06-13"},
		{"二〇二〇年十二月三十一日", "2020-12-31"},
		// Not dates.
		{"2022-02-30", ""},
		{"2022-13-01", ""},
		{"2022年4月", ""},
		{"2022-2024年", ""},
		{"1234-05-06", ""},
		{"202204221", ""},
		{"2022.04", ""},
		{"会议", ""},
		{"", ""},
	}
	for _, tc := range tests {
		got, ok := parseDate(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("parseDate(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestMetaFromLines(t *testing.T) {
	tests := []struct {
		name string
		page string
		want Meta
	}{
		{
			name: "label row",
			page: "区政府召开常务会议\n发布时间:2022-04-22  来源:无锡市惠山区人民政府  发布开发区:无锡惠山经济开发区\n会议召开。",
			want: Meta{Published: "2022-04-22", PublishedEvidence: "发布时间:2022-04-22 来源:无锡市惠山区人民政府 发布开发区:无锡惠山经济开发区", SourceName: "无锡市惠山区人民政府"},
		},
		{
			name: "full-width labels and chinese date",
			page: "区政府召开常务会议\n更新时间：２０１９年１月３日 10:24　内容来源：萧山网\n会议召开。",
			want: Meta{Published: "2019-01-03", PublishedEvidence: "更新时间:2019年1月3日 10:24 内容来源:萧山网", SourceName: "萧山网"},
		},
		{
			name: "disclosure table",
			page: "信息索引号 014028901/2022-02540 生成日期 2022-04-14 公开日期 2022-04-15\n文件编号 公开时限 长期公开 发布机构 滨湖区人民政府办公室\n会议召开。",
			want: Meta{Published: "2022-04-15", PublishedEvidence: "信息索引号 014028901/2022-02540 生成日期 2022-04-14 公开日期 2022-04-15", Generated: "2022-04-14", IndexNo: "014028901/2022-02540", Publisher: "滨湖区人民政府办公室"},
		},
		{
			name: "one cell per line",
			page: "索引号\n620724001/2020-00144\n文号\n发布机构\n高台县政府办\n生成日期\n2020-11-05 09:30:00\n会议召开。",
			want: Meta{Generated: "2020-11-05", IndexNo: "620724001/2020-00144", Publisher: "高台县政府办"},
		},
		{
			name: "bare date near headline, slashes",
			page: "区政府召开常务会议 研究部署当前重点工作\n2022/5/17\n来源:潮安区融媒体中心\n5月13日,区长主持召开区政府常务会议。",
			want: Meta{Published: "2022-05-17", PublishedEvidence: "2022/5/17", SourceName: "潮安区融媒体中心"},
		},
		{
			name: "dotted date and site code in footer",
			page: "日期:2022.04.22\n会议召开。\n网站标识码:3205060031 主办单位:某区政府办公室",
			want: Meta{Published: "2022-04-22", PublishedEvidence: "日期:2022.04.22", SiteCode: "3205060031", Publisher: "某区政府办公室"},
		},
		{
			name: "labelled date beats bare date",
			page: "2022-05-01\n区政府召开常务会议\n发布日期:2022-05-02\n会议召开。",
			want: Meta{Published: "2022-05-02", PublishedEvidence: "发布日期:2022-05-02"},
		},
		{
			name: "prose is not metadata",
			page: "会议时间:2022年4月14日。会议强调,资金来源:财政拨款,要确保按时到位,扎实推进各项工作落实。",
			want: Meta{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Normalize([]byte(tc.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Meta != tc.want {
				t.Errorf("Meta = %+v\nwant   %+v", d.Meta, tc.want)
			}
		})
	}
}

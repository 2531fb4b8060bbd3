package meeting

import "testing"

func TestPlausibleName(t *testing.T) {
	tests := []struct {
		name        string
		needSurname bool
		want        bool
	}{
		{"方力", true, true},
		{"黄志刚", true, true},     // 志 is a given name, not only 同志
		{"王子豪", true, true},     // 子
		{"全成", true, true},      // 全 is a family name
		{"欧阳晓明", true, true},    // compound family name
		{"那顺孟和", true, true},    // Mongolian name
		{"买买提·吐尔逊", true, true}, // transcribed Uyghur name
		{"沙马日体", false, true},   // Yi name after an office
		{"我们支持", true, false},   // pronoun and verb
		{"向所有", true, false},    // 向 is a family name, 所有 a word
		{"区政府", false, false},   // organisation
		{"会议", false, false},
		{"领导同志", false, false},
		{"张", false, false},      // too short
		{"张某", false, false},     // masked
		{"李小明同学们", false, false}, // too long
		{"研究部署", true, false},    // no family name
		{"张三丰四", true, false},    // four characters, common family name
		{"Zhang", false, false},
	}
	for _, tt := range tests {
		if got := plausibleName(tt.name, tt.needSurname); got != tt.want {
			t.Errorf("plausibleName(%q, %v) = %v, want %v", tt.name, tt.needSurname, got, tt.want)
		}
	}
}

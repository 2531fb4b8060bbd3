package places

import (
	"strings"
	"testing"
)

// at returns text with the marked name removed and the name's offsets:
// "深化与[通州区]交流" → "深化与通州区交流", 9, 18.
func at(marked string) (text string, start, end int) {
	start = strings.Index(marked, "[")
	end = strings.Index(marked, "]") - 1
	return strings.Replace(strings.Replace(marked, "[", "", 1), "]", "", 1), start, end
}

func TestOrganAfter(t *testing.T) {
	tests := []struct {
		marked string
		want   bool
	}{
		{"[惠山区]委书记崔荣国", true},
		{"[喀喇沁旗]政府2026年", true},
		{"[元谋县]人民政府", true},
		{"[吉安县]十七届政府", true},
		{"[开江县]第十九届人民政府", true},
		{"[卫滨区]召开第21次常务会议", true},
		{"[蓟州区]融媒体中心", true},
		{"[惠山区]推动数字产业", false},
		{"[吉安县]现代化建设", false},
	}
	for _, tt := range tests {
		text, _, end := at(tt.marked)
		if got := organAfter(text, end); got != tt.want {
			t.Errorf("organAfter(%s) = %v, want %v", tt.marked, got, tt.want)
		}
	}
}

func TestPartnerClause(t *testing.T) {
	tests := []struct {
		marked string
		want   bool
	}{
		{"要加强区域联动，深化与北京市[通州区]、平谷区，河北省唐山市及廊坊市北三县交流合作，联合推进", true},
		{"深化与北京市通州区、[平谷区]，河北省唐山市交流合作", true},
		{"做好对口帮扶[富裕县]工作", true},
		{"[惠山区]考察团来我区考察", true},
		{"带队赴[吴中区]学习考察", true},
		{"[蓟州区]区长主持会议。会议要求深化与北京交流合作", false},
		{"[惠山区]推动数字产业高质量发展", false},
	}
	for _, tt := range tests {
		text, start, end := at(tt.marked)
		if got := partnerClause(text, start, end); got != tt.want {
			t.Errorf("partnerClause(%s) = %v, want %v", tt.marked, got, tt.want)
		}
	}
}

func TestPersonNameAt(t *testing.T) {
	tests := []struct {
		marked string
		want   bool
	}{
		{"区长龚[建阳]主持召开", true},
		{"龚[建阳]、李平参加会议", true},
		{"加快构筑[惠山]竞争新优势", false},
		{"全力保障吴中高质量发展，开创[吴中]新局面", false},
	}
	for _, tt := range tests {
		text, start, end := at(tt.marked)
		if got := personNameAt(text, start, end); got != tt.want {
			t.Errorf("personNameAt(%s) = %v, want %v", tt.marked, got, tt.want)
		}
	}
}

func TestBoundaries(t *testing.T) {
	if text, start, _ := at("审议《[洋县]“十四五”规划》"); !boundaryBefore(text, start) {
		t.Error("《 is a boundary")
	}
	if text, start, _ := at("提[高县]域经济"); boundaryBefore(text, start) {
		t.Error("提 is not a boundary")
	}
	if text, _, end := at("提[高县]域经济"); !glueAfter(text, end) {
		t.Error("域 glues 高县 to a phrase")
	}
	if text, start, end := at("北京市[通州区]、平谷区"); !inList(text, start, end) {
		t.Error("、 marks a list")
	}
	if text, _, end := at("城中[区]域"); !regionAfter(text, end) {
		t.Error("区域 not detected")
	}
}

func TestReferenceContext(t *testing.T) {
	tests := []struct {
		marked string
		want   bool
	}{
		{"做好西藏[定日县]地震灾后恢复重建", true},
		{"深刻吸取湖北十堰[张湾区]燃气爆炸事故教训", true},
		{"深刻吸取江苏[响水]“3·21”特别重大爆炸事故教训", true},
		{"学习借鉴“[晋江]经验”", true},
		{"学习浙江[安吉县]余村经验做法", true},
		{"学习了[滨湖区]区长在会上的交流发言", true},
		{"要对标[昆山]、江阴", true},
		{"[惠山区]召开会议，通报近期火灾事故情况", false},
		{"[惠山区]政府通报事故情况", false},
		{"推动[惠山区]高质量发展", false},
		{"吸取“12·16”[庵埠镇]较大火灾事故教训", true}, // evaluate spares townships
	}
	for _, tt := range tests {
		text, start, end := at(tt.marked)
		if got := referenceContext(text, start, end); got != tt.want {
			t.Errorf("referenceContext(%s) = %v, want %v", tt.marked, got, tt.want)
		}
	}
}

func TestPositionFactor(t *testing.T) {
	if positionFactor(0) <= positionFactor(leadBytes) {
		t.Error("the lead must count more than the text after it")
	}
	if positionFactor(decayBytes) != 1 {
		t.Error("a mention within a report's usual length must count in full")
	}
	if f := positionFactor(10 * decayBytes); f > 0.11 {
		t.Errorf("a mention ten report-lengths in counts %.2f, want at most 0.1", f)
	}
}

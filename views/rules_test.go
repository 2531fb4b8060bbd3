package views

import "testing"

func TestRuleLabel(t *testing.T) {
	tests := []struct {
		lang   Lang
		key    string
		want   string
		wantOK bool
	}{
		{ZH, "relative_bracket+plan_year", "括注中的日期＋文件名中的年份", true},
		{EN, "relative_bracket+plan_year", "date given in brackets + year in a document title", true},
		{EN, "month_day+published_month", "month and day in the text + publication date (month only)", true},
		{ZH, "text_month", "正文年月", true},
		{ZH, "site_code", "网站代码", true},
		{EN, "month_day+brand_new_rule", "month_day+brand_new_rule", false},
		{EN, "bogus_month", "bogus_month", false},
		{ZH, "", "", false},
	}
	for _, tc := range tests {
		got, ok := RuleLabel(tc.lang, tc.key)
		if got != tc.want || ok != tc.wantOK {
			t.Errorf("RuleLabel(%s, %q) = %q, %v; want %q, %v", tc.lang, tc.key, got, ok, tc.want, tc.wantOK)
		}
	}
}

func TestFieldLabel(t *testing.T) {
	if got := FieldLabel(EN, "meeting_date"); got != "Meeting date" {
		t.Errorf("FieldLabel(en, meeting_date) = %q", got)
	}
	if got := FieldLabel(ZH, "new_field"); got != "new_field" {
		t.Errorf("FieldLabel(zh, new_field) = %q, want it unchanged", got)
	}
}

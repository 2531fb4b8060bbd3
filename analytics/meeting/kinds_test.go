package meeting

import (
	"slices"
	"testing"
)

func TestKinds(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		want []string
	}{
		{"combined meetings in order", Input{Body: "区长方力主持召开区政府党组(扩大)会议暨理论学习中心组学习会和五届区政府第6次常务会议。"}, []string{"party_group", "study_session", "executive"}},
		{"party group meeting without brackets", Input{Body: "区政府召开党组会议。"}, []string{"party_group"}},
		{"party group study session is not a party group meeting", Input{Body: "区政府召开党组理论学习中心组学习会、常务会议。"}, []string{"study_session", "executive"}},
		{"party committee, study session, reform commission", Input{Body: "崔荣国主持召开高新区党工委会议暨二届区委常委会第48次会议、党工委(区委)理论学习中心组学习会、区委全面深化改革委员会会议。"}, []string{"party_committee", "study_session", "reform_commission"}},
		{"county committee standing meeting", Input{Body: "县委常委会召开会议。"}, []string{"party_committee"}},
		{"banner committee enlarged", Input{Body: "旗委常委(扩大)会议召开。"}, []string{"party_committee"}},
		{"numbered standing committee", Input{Body: "赵峻岭主持召开中共临河区第十四届委员会第16次常委会。"}, []string{"party_committee"}},
		{"people's congress standing committee is not the party committee", Input{Body: "区政府召开常务会议。区人大常委会副主任吴建明列席会议。"}, []string{"executive"}},
		{"people's congress meeting", Input{Body: "区人大常委会会议审议了报告。"}, []string{"other"}},
		{"及其常委会", Input{Body: "区政府召开常务会议,在区人大及其常委会的监督下。"}, []string{"executive"}},
		{"plenary", Input{Body: "区政府第三次全体(扩大)会议召开。"}, []string{"plenary"}},
		{"party plenum is not a government plenary", Input{Body: "会议学习了中国共产党第十九届中央委员会第五次全体会议精神。"}, []string{"other"}},
		{"mayor's office meeting", Input{Body: "县长专题办公会召开。"}, []string{"mayor_office"}},
		{"State Council meeting is referred to", Input{Body: "区政府召开党组会议,传达10月21号国务院常务会议精神。"}, []string{"party_group"}},
		{"central reform commission is referred to", Input{Body: "区委常委会传达学习中央全面深化改革委员会第二次会议精神。"}, []string{"party_committee"}},
		{"Political Bureau standing committee is not executive", Input{Body: "区政府召开党组会议,学习在中共中央政治局常务委员会会议上的重要讲话。"}, []string{"party_group"}},
		{"title-only kind comes last", Input{Title: "区政府召开常务会议", Body: "会前召开了党组会议。"}, []string{"party_group", "executive"}},
		{"English", Input{Lang: "en", Body: "Chen Xiang presided over the 61st standing meeting of the county government."}, []string{"executive"}},
		{"some other meeting", Input{Body: "区政府召开防汛工作专题会议。"}, []string{"other"}},
		{"no meeting", Input{Body: "天气晴。"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Kinds(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Kinds = %v, want %v", got, tt.want)
			}
		})
	}
}

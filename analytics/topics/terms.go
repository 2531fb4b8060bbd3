package topics

import (
	"strings"
)

// genreStopWords are words every meeting report uses: they say nothing about
// what a meeting discussed, so rising-term lists leave them out. gse's own
// stop list covers function words.
var genreStopWords = strings.Fields(`
会议 工作 要求 强调 指出 研究 审议 听取 部署 推进 推动 加强 加快 落实 全面 进一步 切实
坚持 深入 持续 着力 确保 提高 提升 做好 抓好 全力 各级 各部门 部门 相关 有关 重点 重要
精神 贯彻 学习 传达 主持 召开 参加 出席 列席 领导 同志 全区 全县 全市 我区 我县 我市 区委
县委 市委 区政府 县政府 政府 区长 县长 书记 主任 副区长 副县长 常务 实施 方案 意见 情况
汇报 问题 任务 目标 责任 工作会议 发展 建设 高质量 推进会 机制 体系 能力 水平 作用 方面
进行 开展 实现 形成 取得 以及 其他 事项 有效 强化 完善 健全 积极 认真 扎实 不断 一批 各项
这个 那个 一个 一些 这些 那些 我们 他们 具有 放到 通过 根据 按照 围绕 结合 做到 成为 需要
必须 能够 已经 正在 今年 去年 明年 目前 当前 同时 其中 之一 这样 如何 为了 对于 关于
`)

// initStop marks the genre stop words and gse's stop words (loaded with
// the segmenter, never changed after) in tg.words. The caller holds segMu.
func (tg *Tagger) initStop() {
	for _, w := range genreStopWords {
		tg.words[w] = wordInfo{stop: true}
	}
	for w := range tg.seg.StopWordMap {
		tg.words[w] = wordInfo{stop: true}
	}
}

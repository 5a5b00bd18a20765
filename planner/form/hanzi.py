"""Traditional → simplified characters, one for one, so detection can run on traditional
text while positions stay aligned with the text as written (which is what the model keeps)."""
from __future__ import annotations

import re

from planner.form.patterns import lazy

# Pairs `繁简`, space separated: the characters 公文 wording and unit names use.
PAIRS = (
    "與与 專专 業业 東东 兩两 嚴严 個个 豐丰 臨临 為为 舉举 義义 樂乐 習习 鄉乡 書书 買买 亂乱 爭争 於于 "
    "雲云 亞亚 產产 親亲 億亿 僅仅 從从 倉仓 儀仪 們们 價价 眾众 衆众 優优 會会 偉伟 傳传 倫伦 體体 餘余 "
    "偵侦 側侧 僑侨 儉俭 債债 傾倾 償偿 儲储 兒儿 黨党 蘭兰 關关 興兴 養养 內内 冊册 寫写 軍军 農农 馮冯 "
    "沖冲 衝冲 決决 況况 淨净 減减 幾几 憑凭 擊击 劃划 劉刘 則则 剛刚 創创 刪删 別别 劍剑 劑剂 勸劝 辦办 "
    "務务 動动 勵励 勁劲 勞劳 勢势 勳勋 區区 醫医 華华 協协 單单 賣卖 盧卢 衛卫 卻却 廠厂 廳厅 歷历 曆历 "
    "厲厉 壓压 縣县 參参 雙双 發发 髮发 變变 敘叙 疊叠 葉叶 號号 嘆叹 嚇吓 呂吕 嗎吗 噸吨 聽听 啟启 吳吴 "
    "員员 鳴鸣 響响 團团 園园 圍围 圖图 圓圆 聖圣 場场 壞坏 塊块 堅坚 壇坛 壩坝 墳坟 壘垒 執执 報报 壺壶 "
    "處处 備备 複复 頭头 夾夹 奪夺 奮奋 獎奖 婦妇 媽妈 孫孙 學学 寧宁 寶宝 實实 審审 憲宪 寬宽 賓宾 對对 "
    "尋寻 導导 壽寿 將将 爾尔 塵尘 嘗尝 屆届 盡尽 層层 屬属 屢屡 歲岁 豈岂 崗岗 島岛 嶺岭 鞏巩 幣币 帥帅 "
    "師师 帳帐 帶带 幫帮 幹干 廣广 莊庄 慶庆 庫库 應应 廟庙 龐庞 廢废 開开 異异 棄弃 張张 彌弥 彎弯 彈弹 "
    "強强 歸归 當当 錄录 彙汇 徹彻 徑径 憶忆 憂忧 懷怀 態态 總总 戀恋 懇恳 惡恶 惱恼 愛爱 慘惨 懼惧 驚惊 "
    "慣惯 戲戏 戰战 戶户 紮扎 撲扑 擴扩 掃扫 揚扬 擾扰 撫抚 搶抢 護护 擔担 擬拟 揀拣 擁拥 攔拦 撥拨 擇择 "
    "掛挂 撈捞 損损 撿捡 換换 據据 擠挤 揮挥 攪搅 撐撑 擺摆 攤摊 擋挡 攜携 斂敛 斃毙 數数 齋斋 鬥斗 斬斩 "
    "斷断 無无 舊旧 時时 曠旷 晝昼 顯显 晉晋 曬晒 曉晓 暫暂 術术 機机 殺杀 雜杂 權权 條条 來来 楊杨 極极 "
    "構构 樞枢 櫃柜 標标 棧栈 欄栏 樹树 樣样 檔档 橋桥 樁桩 夢梦 檢检 樓楼 榮荣 歐欧 殘残 毀毁 氣气 漢汉 "
    "湯汤 溝沟 沒没 淪沦 溫温 潑泼 澤泽 潔洁 灑洒 濁浊 測测 濟济 渾浑 濃浓 濤涛 滯滞 滲渗 潛潜 灣湾 溼湿 "
    "濕湿 滿满 濾滤 濫滥 灘滩 漁渔 滅灭 燈灯 災灾 爐炉 煉炼 爛烂 熱热 煙烟 燒烧 營营 爺爷 狀状 獨独 獲获 "
    "獵猎 猶犹 獄狱 環环 現现 璽玺 瓊琼 電电 畫画 暢畅 療疗 盤盘 監监 盜盗 睜睁 礎础 礙碍 確确 碼码 磚砖 "
    "禮礼 禍祸 離离 種种 積积 稱称 穩稳 窮穷 竊窃 競竞 筆笔 簡简 築筑 範范 籃篮 類类 糧粮 緊紧 紅红 約约 "
    "級级 紀纪 紋纹 納纳 紐纽 純纯 紙纸 紡纺 線线 綫线 練练 組组 細细 終终 紹绍 經经 結结 絕绝 給给 統统 "
    "絡络 絲丝 綁绑 綜综 綠绿 維维 網网 綱纲 緒绪 編编 緣缘 縮缩 績绩 繼继 續续 纖纤 罰罚 羅罗 聯联 聰聪 "
    "聲声 職职 肅肃 腦脑 臉脸 膽胆 艦舰 藝艺 節节 蘇苏 藥药 蓋盖 蘆芦 薦荐 萬万 蟲虫 補补 裝装 製制 襲袭 "
    "見见 規规 視视 覽览 覺觉 觀观 計计 訂订 認认 討讨 讓让 訓训 議议 記记 講讲 許许 論论 設设 訪访 證证 "
    "評评 識识 詞词 試试 詩诗 話话 該该 詳详 誠诚 誤误 說说 請请 諸诸 讀读 課课 誰谁 調调 談谈 謀谋 謝谢 "
    "謹谨 譜谱 譯译 讚赞 貝贝 負负 財财 責责 賢贤 敗败 貨货 質质 販贩 貪贪 貧贫 購购 貫贯 費费 貿贸 資资 "
    "賞赏 賦赋 賬账 賴赖 贈赠 贊赞 趕赶 趨趋 躍跃 車车 軌轨 轉转 輪轮 軟软 輕轻 載载 較较 輔辅 輸输 辭辞 "
    "邊边 遼辽 達达 遷迁 過过 邁迈 運运 還还 這这 進进 遠远 違违 連连 遲迟 適适 選选 遺遗 遞递 郵邮 鄰邻 "
    "鄭郑 釋释 釀酿 鑒鉴 針针 鐘钟 鋼钢 錢钱 鐵铁 銀银 銷销 鎖锁 鍋锅 錯错 鍵键 鎮镇 鑰钥 鏈链 鑽钻 長长 "
    "門门 閃闪 閉闭 問问 閒闲 間间 閱阅 闊阔 隊队 陽阳 陰阴 陣阵 階阶 際际 陸陆 陳陈 險险 隨随 隱隐 難难 "
    "雞鸡 靈灵 靜静 韓韩 頁页 項项 順顺 須须 頓顿 預预 領领 頻频 題题 額额 顏颜 願愿 顧顾 風风 飛飞 飯饭 "
    "飲饮 館馆 馬马 駐驻 驗验 騎骑 驅驱 魚鱼 鳥鸟 鹽盐 麥麦 點点 齊齐 齒齿 龍龙 龜龟 雖虽 託托 碩硕 頒颁 "
    "佈布 燦灿 貼贴 稅税 訊讯 輛辆 齡龄 颱台 鬱郁 韋韦 織织 牽牵 蘊蕴 擬拟 懸悬 縱纵 鑑鉴 鑄铸 廈厦 錦锦 "
    "圍围 礦矿 臺台 獻献 瀏浏 覽览 瀕濒 盡尽 畢毕 啓启 衞卫 覈核 綵彩 歷历 戲戏 蹤踪 顆颗 鐺铛 鍊链 "
    # Place names and words of portal copies of 公文 (国, 沪, 粤, 并, 汇 …).
    "國国 籌筹 準准 桿杆 粵粤 繞绕 並并 匯汇 踐践 頂顶 魯鲁 麵面 係系 腳脚 祿禄 滬沪 銜衔 後后 孿孪 勝胜 遊游 採采 "
    "壯壮 縫缝 裡里 復复 徵征 輯辑 註注 麼么 閩闽 贛赣 貴贵 陝陕 濰潍 濱滨 棗枣 萊莱 蕪芜 鄒邹 麗丽 錫锡 黃黄 岡冈 "
    "荊荆 嶽岳 婁娄 銅铜 烏乌 瀋沈 巖岩 潯浔 饒饶 鷹鹰 儘尽 週周 佔占 鬆松 聞闻 綏绥 紓纾 鏡镜 檯台 歡欢 湧涌 廬庐 "
    "韌韧 觸触 閣阁 閘闸 闡阐 驟骤 軸轴 鈔钞 賽赛 賈贾 墾垦 獸兽 倆俩 彥彦 戔戋 淺浅 踴踊 詢询 譽誉 諮咨 儕侪 裏里 "
    "靚靓 搖摇 釘钉 紛纷 緩缓 貸贷 賃赁 "
    # Found missing by auditing the reader's patterns and place/unit tables against a converter's
    # table, and words of 政务服务 and 营商环境 texts (投訴, 簽發, 懲戒, 繳費, 兌現, 管轄, 測繪).
    "簽签 産产 奬奖 勛勋 顔颜 棟栋 鈕钮 閑闲 誌志 嶗崂 嵐岚 棲栖 滄沧 綴缀 膠胶 蓮莲 轄辖 錶表 貳贰 盞盏 寜宁 "
    "訴诉 診诊 駕驾 駛驶 懲惩 賠赔 澇涝 纜缆 攝摄 篩筛 矯矫 禦御 訟讼 繳缴 兌兑 壟垄 糾纠 僱雇 繪绘 "
    # …and in the real excerpts' traditional texts, with place names of the provinces (鄖 潁 閔 灃 滎 鄲).
    "橫横 譚谭 愷恺 瀘泸 貢贡 諧谐 諾诺 藍蓝 邏逻 錨锚 夠够 輿舆 繕缮 漸渐 虛虚 輝辉 幟帜 語语 滾滚 涇泾 脫脱 "
    "銳锐 囑嘱 龔龚 攬揽 頸颈 鮮鲜 夥伙 鳳凤 鄖郧 潁颍 閔闵 蕭萧 鶴鹤 鴨鸭 隴陇 灃沣 賀贺 欽钦 瀾澜 峽峡 滎荥 "
    "鄲郸 穎颖 跡迹 敵敌 虧亏 飾饰 "
)
TRAD_TO_SIMP = str.maketrans({pair[0]: pair[1] for pair in PAIRS.split()})
# str.translate looks every character up in a dict (~80 ns each); most text has no traditional
# character at all, and a character-class scan says so ten times faster.
TRAD_RE = lazy("[" + "".join(re.escape(pair[0]) for pair in PAIRS.split()) + "]")


def simplify(text: str) -> str:
    """Same length as `text`: each traditional character replaced by its simplified form."""
    if TRAD_RE.search(text) is None:
        return text
    return text.translate(TRAD_TO_SIMP)

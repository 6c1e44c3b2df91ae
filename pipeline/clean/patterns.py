"""What Chinese news and government pages look like: the one place for the cleaning's word lists.

Every pattern here is about page furniture in general (labels, buttons, date formats), never
about one site's strings. Simplified and Traditional forms stand side by side.
"""

from __future__ import annotations

import re

from pipeline.chinese import HAN_CLASS
from pipeline.regex_cache import Patterns

PATTERNS = Patterns(__file__)  # saved at the end of the module

DIGIT = PATTERNS.compile(r"\d")  # every date and time shape has one

# Labels of metadata fields, longest first so that 责任编辑 wins over 编辑.
LABELS: dict[str, str] = {
    "published": r"(?:发布|發佈|發布|发表|發表|发稿|發稿|刊发|刊發|上传|上傳|录入|錄入|成文|印发|印發)(?:时间|時間|日期)|时间|時間|日期",
    "updated": r"(?:更新|修改)(?:时间|時間|日期)",
    "source": r"(?:信息|本文|文章|稿件|新闻|新聞|消息)?(?:来源|來源|出处|出處)(?:于|於)?|发布机构|發布機構|发文机关|發文機關",
    "author": r"作者|撰稿人?|撰文|记者|記者|通讯员|通訊員|摄影|攝影",
    "editor": r"责任编辑|責任編輯|责编|責編|编辑|編輯|审核|審核|审校|審校|校对|校對",
    "register": r"原标题|原標題|索引号|索引號|主题分类|主題分類|发文字号|發文字號|文号|文號|公开方式|公開方式|公开范围|公開範圍|有效性|主题词|主題詞",
    "views": r"浏览次数|瀏覽次數|阅读次数|閱讀次數|点击次数|點擊次數|点击数|點擊數|浏览量|瀏覽量|阅读量|閱讀量|浏览|瀏覽|阅读|閱讀|点击|點擊",
}
# An editor's labels that name who checked the text, not who edited it (审核：…): read after the others' (编辑：…).
REVIEWER = PATTERNS.compile(r"^(?:审核|審核|审校|審校|校对|校對)$")
# What follows a label: a colon, full-width or not, or a vertical form's (記者︰, as Taiwan's pages print it) …
COLONS = ":：︰︓"
# … or, where the label opens the line, a bar (vertical forms too) or a slash (責任編輯／林小真, as Taiwan's pages print it).
BARS = "|｜︱/／╱"
LABEL_MARKS = COLONS + BARS  # a line without one holds no label but a loose one
LABEL = PATTERNS.compile(
    "(?P<label>" + "|".join(f"(?P<{name}>{rx})" for name, rx in LABELS.items()) + rf")\s*[{COLONS}]"
)
# In a line known to be metadata, a label may be followed by a space alone: 《棱镜》作者 周纯.
LABEL_LOOSE = PATTERNS.compile(
    "(?P<label>" + "|".join(f"(?P<{name}>{rx})" for name, rx in LABELS.items()) + rf")(?:\s*[{COLONS}]|\s+(?=\S))"
)
# A date with a two-digit year glued to its time: 18-03-0823:16.
DATE_SHORT_YEAR = PATTERNS.compile(r"^(?P<yy>\d{2})-(?P<month>\d{1,2})-(?P<day>\d{2})\s*(?P<hour>\d{1,2}):(?P<minute>\d{2})")
# A label opening a line with a bar or a slash instead of a colon: 编辑|禤志杰, 来源｜广州参考, 責任編輯／林小真; on such a
# line, the labels after a space that the same marks follow (记者｜张晓明 编辑｜李雪).
LABEL_BAR = PATTERNS.compile(
    "(?P<label>" + "|".join(f"(?P<{name}>{rx})" for name, rx in LABELS.items()) + rf")\s*[{BARS}]\s*"
)
# The report word closing a byline or a dateline, as the mainland, Taiwan and Hong Kong print it. The line model's
# features (REPORT_SUFFIX, REPORT_PLACE, RELATED) keep the two they were trained with.
REPORT_WORD = r"报道|報導|報道"
# The words citing where a text was reprinted or excerpted from (转自京华时报, 摘自《示例周刊》).
REPRINTED_FROM = r"转自|轉自|转载自|轉載自"
EXCERPTED_FROM = r"摘自|选自|選自"
# The role words that name where the text came from (稿源：兰州日报, 供稿：宣传部, 本文转自：健康时报): its source.
SOURCE_ROLES = r"(?:本文)?(?:" + REPRINTED_FROM + r")|稿源|供稿"
# Credits' role words beside the labels' (采写：, 口述：, 图文：, 本文转自：): a line of credits alone, each a role and a
# name or an outlet (图文：张晓明, 口述：李大华 整理：张晓明), is never a headline.
CREDIT_ROLES = (r"采写|採寫|图文|圖文|口述|整理|撰写|撰寫|执笔|執筆|摄像|攝像|翻译|翻譯|统筹|統籌|策划|策劃|监制|監製|出品"
                r"|制作|製作|设计|設計|初审|初審|复审|複審|终审|終審|审稿|審稿|" + SOURCE_ROLES)
# A source named by such a role, or by a unit's label the line model was not trained with (发布单位：, 信息提供：), or cited
# by a work's title (摘自《示例周刊》): the rules read it where the credit reader found no outlet.
SOURCE_CREDIT = PATTERNS.compile(
    r"(?:^|(?<=[\s(（【\[]))(?:(?:" + SOURCE_ROLES + r"|(?:供稿|来稿|來稿|发布|發布|发文|發文)(?:单位|單位|部门|部門)"
    r"|信息提供|資料提供)\s*[" + COLONS + r"]\s*|(?:本文|文章)?(?:" + EXCERPTED_FROM + r")\s*[" + COLONS + r"]?\s*(?=《))"
    r"《?(?P<outlet>[^\s《》，,。；;（(）)【】\[\]|｜/／:：]{2,30})"
)
CREDITS_ONLY = PATTERNS.compile(
    r"^(?:(?:" + "|".join(LABELS[field] for field in ("author", "editor", "source")) + "|" + CREDIT_ROLES + r")\s*["
    + COLONS + BARS + r"]\s*[^\s:：，。；！？]{2,12}(?:[\s、][" + HAN_CLASS + r"]{2,4}){0,3}\s*){1,4}$")
# Role words printed before a name: kept apart from the name.
ROLE_NAMES = r"见习记者|見習記者|记者|記者|通讯员|通訊員|实习生|實習生|编译|編譯|执笔|執筆"
ROLE_PREFIX = r"(?:本报|本報|特约|特約|实习|實習|香港特约|香港特約)?"  # 本报记者, 特约记者, 实习记者
# A credit's role before its names, a commentator's too ((评论员 罗博 萧海川)): kept apart from the names.
ROLES = PATTERNS.compile("^" + ROLE_PREFIX + "(" + ROLE_NAMES + r"|评论员|評論員)\s*")
# … and the same word just before a name: 記者林小華.
ROLE_BEFORE = PATTERNS.compile("(" + ROLE_NAMES + r")\s*$")
NAME_JOINERS = " \u3000、,，/／&"  # what may stand between two names of one credit
_JOINER = r"[\s" + re.escape(NAME_JOINERS.replace(" ", "").replace("\u3000", "")) + "]"
# What stands between two names of one credit that a role word parts (记者 柳德新 通讯员 彭娟, 实习生吴梦丽、记者喻云亮):
# joiners and role words only. Tried where a run of joiners starts: linear on long runs.
ROLE_BETWEEN = PATTERNS.compile(f"(?<!{_JOINER}){_JOINER}*(?:{ROLE_PREFIX}(?:{ROLE_NAMES}){_JOINER}*)+")
# A name and a role word just before a credit's first name, a role word before it too (編譯茅毅、記者|謝守真), and names a
# role word opens just after its last (嚴瓏| 通訊員黃冬香 涂曉晨): names of the same credit the credit reader left out
# (tried where a run of joiners starts: linear on long runs).
NAME_ROLE_BEFORE = PATTERNS.compile(r"(?:" + ROLE_NAMES + r")\s*(?P<name>[" + HAN_CLASS + r"]{2,3})[、\s]*(?:" + ROLE_NAMES
                              + r")\s*$")
ROLE_NAMES_AFTER = PATTERNS.compile(r"(?<![、\s])[、\s]*(?:" + ROLE_NAMES + r")\s*[" + HAN_CLASS + r"]{2,3}(?:[、\s]+[" + HAN_CLASS
                              + r"]{2,3})*(?=[\s／/╱）)】]|$)")
# A reporter's names with the role after them, as a credit of its own: 山田太郎（特约记者）, 王小明 记者 (at the line's end or
# before a date or a label). Tried where a name may start: after the line's start, a space or a separator.
NAMES_ROLE_AFTER = PATTERNS.compile(
    r"(?:^|(?<=[\s|｜/／]))(?P<names>[" + HAN_CLASS + r"]{2,4}(?:[、\s][" + HAN_CLASS + r"]{2,4}){0,2}?)\s*(?:[（(]\s*"
    + ROLE_PREFIX + r"(?:记者|記者|通讯员|通訊員)\s*[）)]|\s" + ROLE_PREFIX
    + r"(?:记者|記者|通讯员|通訊員)(?=\s*$|\s+\d|\s+\S{2,4}[:：]))")
# A credit in brackets closing a line ((記者 李慧婷/文 通訊員 史貝貝/圖)), and a writer's role in one: a reporter, an author,
# 文 beside a slash (文/王小明, 李慧婷/文).
CLOSING_CREDIT = PATTERNS.compile(r"[（(](?P<credit>[^（）()]{1,30})[）)]$")
WRITER_CREDIT = PATTERNS.compile(r"记者|記者|通讯员|通訊員|作者|[/／]\s*文|文\s*[/／]")
# A writer's credit by the word 文 and a slash or a bar: 文/张晓明, 文｜张晓明, 张晓明/文 (a picture's credit names no writer).
WRITTEN_BY = PATTERNS.compile(r"^文\s*[/／|｜]|[/／]\s*文(?![" + HAN_CLASS + r"])")
# A question or an exclamation with more of the line after it (…天气如何？10日至11日…): more than one sentence.
SENTENCE_GOES_ON = PATTERNS.compile(r"(?:[？！]|(?<=[" + HAN_CLASS + r"])[?!])(?=[^”」』\"'）)？！?!])")
# What a name credited did, after a slash (李文博/文, 李雪/图): the name's end, whatever is glued after it.
ROLE_AFTER_SLASH = PATTERNS.compile(r"(?<=[" + HAN_CLASS + r"]{2})\s*[/／]\s*(?:文|图|圖|摄|攝)")
# An outlet's name before its reporter's name, glued to the role or a space apart (示例新闻·示例商报记者李文博,
# 示例時報 王小明): the outlet.
OUTLET_GLUED_ROLE = PATTERNS.compile(
    r"(?:^|(?<=[\s/／╱|｜【\[(（]))(?P<outlet>[^\s/／╱|｜【\[(（]{2,12})(?:(?:记者|記者)\s*|\s+)$")
# A staff code glued to an editor's name: 杜硕_NB12556.
STAFF_CODE = PATTERNS.compile(r"_[A-Za-z]*\d+$")

# A time's half of the day, as English pages print it: 06:45 pm, 3:15 P.M.
AM_PM = r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?"
ROC_EPOCH = 1911  # year 1 of the Republic of China calendar is 1912
# Years as 2024, or in the Republic of China calendar as used in Taiwan (民國112年 = 2023).
DATE = (
    r"(?:(?P<year>(?:19|20)\d\d)|(?:中華民國|中华民国|民國|民国)?(?P<roc>1[0-2]\d))"
    r"\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?"
    r"(?:\s*(?:T|\s)?\s*(?P<paren>[（(])?(?P<hour>\d{1,2})[:：时時](?P<minute>\d{2})(?:[:：分](?P<second>\d{2}))?"
    + AM_PM + r"(?(paren)[）)]))?"  # the time may stand in brackets: 2014-12-17 (16:31)
)
DATETIME = PATTERNS.compile(DATE)
LEADING_DATE = PATTERNS.compile(r"^\s*" + DATE)
# What may stand beside a date on a date line: an update note in brackets, a weekday.
DATE_LINE_REST = PATTERNS.compile(r"^[\s|｜/]*(?:[（(【\[][^）)】\]]*[）)】\]])?\s*(?:星期.|周.|週.)?[\s|｜]*$")

# Breadcrumbs: "所在位置: 杭州网 > 热点专题", "首页 >> 东区新闻 >> 正文", "首頁 / 生活".
BREADCRUMB_LEAD = PATTERNS.compile(r"^(?:您的|你的|您|你)?(?:当前|當前|现在|現在|所在)?(?:的)?(?:位置|位置是)\s*[:：]\s*")
BREADCRUMB_SEP = PATTERNS.compile(r"(?<!\s)\s*(?:>>|>|»|›|→|/|＞)\s*")  # tried where white space starts: linear
BREADCRUMB_HOME = PATTERNS.compile(r"^(?:首页|首頁|主页|主頁|网站首页|網站首頁|home|正文|内容|內容|详情|詳情)$", re.I)
SITE_SUFFIX = PATTERNS.compile(r"^(?P<site>.+?)(?:首页|首頁)$")

# A line that is a button, a menu entry or a page footer wherever it stands.
CHROME_LINE = PATTERNS.compile(
    r"^(?:"
    r"返\s*回(?:首页|首頁|顶部|頂部|列表|上一页|上一頁|上页)?\s*[>》»]*|"
    r"(?:【[^】]{1,8}】\s*)+|\[[^\]]{1,8}\](?:\s*\[[^\]]{1,8}\])*|"
    r"(?:打印|列印)(?:本页|本頁|此页|此頁|文章)?|(?:关闭|關閉)(?:窗口|視窗|本页|本頁)|"
    r"字号\s*[:：]?.{0,12}|字體\s*[:：]?.{0,12}|字体\s*[:：]?.{0,12}|[【\[]?\s*[大中小]\s+[中小大]\s+[小大中]\s*[】\]]?|"
    r"(?:[大中小]字号\s*)+|(?:[大中小]字號\s*)+|"
    r"分享到?\s*[:：]?.{0,40}|(?:微信|微博|QQ|QQ空间|Qzone|朋友圈)(?:\s+(?:微信|微博|QQ|QQ空间|Qzone|朋友圈))*|"
    r"(?:扫一扫|掃一掃|扫描二维码|用微信扫描二维码|用微信掃描二維碼|长按识别|長按識別|扫码关注|掃碼關注).{0,20}|"
    r"(?:点击|點擊)(?:查看|看)?(?:大图|大圖|原图|原圖|图片|圖片)|"
    r".{0,12}(?:浏览器不支持|瀏覽器不支援|瀏覽器不支持|视频加载中|視頻加載中|影片載入中|请升级浏览器).{0,30}|"
    r"(?:打开|打開|下载|下載|前往).{0,12}(?:APP|App|app|客户端|客戶端)(?:阅读|閱讀|查看|观看|觀看).{0,12}|"
    r"(?:登录|登錄|注册|註冊|退出|登出|搜索|搜尋|订阅|訂閱|收藏|收藏文章|客户端|客戶端|下载|下載)|"
    r"(?:发布|發布|发表|發表|提交|送出|确认送出|確認送出|确定|確定|取消)|"  # a comment box's buttons
    r"\d+\s*人(?:参与|參與)(?:\s*\d+\s*(?:条|條)?(?:评论|評論))?|\d+\s*(?:条|條)?(?:评论|評論)|"  # counters
    r"(?:上一篇|下一篇|上一頁|下一頁|上一页|下一页).{0,60}|"
    r"(?:纠错|糾錯|我要纠错|我要糾錯|举报|舉報|评论|評論|我要评论|我有话说|网友评论|網友評論|收藏本文|加载更多|加載更多|更多)"
    r"|(?:相关|相關)(?:阅读|閱讀|新闻|新聞|文章|链接|鏈接|推荐|推薦)|(?:延伸|推荐|推薦|热门|熱門)(?:阅读|閱讀)"
    r"|.{0,40}(?:版权所有|版權所有|保留所有权利|All Rights Reserved|Copyright|©|ICP备|ICP證|ICP证|公网安备|公網安備).{0,80}"
    r"|(?:主办|主辦|承办|承辦|技术支持|技術支持)(?:单位|單位)?\s*[:：].{0,80}"
    r"|(?:地址|邮编|郵編|电话|電話|传真|傳真|邮箱|郵箱|E-?mail)\s*[:：].{0,80}"
    r")$",
    re.I,
)
# A widget's words that a heading's shape may take (read after the line model, which has the furniture it was
# trained with): an advertisement's mark, a text-size control, a link to the pictures, a button that opens the rest
# of the text.
READ_ON = r"(?:请|請)?(?:继续|繼續)(?:往下)?(?:阅读|閱讀|浏览|瀏覽)"  # 請繼續往下閱讀: the rest of the text under it
WIDGET_WORDS = PATTERNS.compile(
    r"^(?:广告|廣告|推广|推廣|赞助|贊助|(?:调整|調整)?(?:字级|字級|字体|字體)"
    r"|图集|圖集|组图|組圖|图片|圖片|视频|視頻|音频|音頻"  # a link to the article's pictures or its video
    r"|" + READ_ON + r".{0,4})\s*[" + COLONS + r"]?$"
)
# The heading of a comment board under an article: a board's own word (热门评论, 最新評論, 全部留言) or a count
# (评论（128）, 網友評論 12條); a plain 网友评论 may head a section of the text quoting readers.
_COMMENT_COUNT = r"\s*[（(\[【]?\s*\d+\s*(?:条|條)?\s*[）)\]】]?"  # （128）, 12條
COMMENT_BOARD = PATTERNS.compile(
    r"^(?:(?:热门|熱門|最新|全部|精彩)(?:评论|評論|留言)(?:" + _COMMENT_COUNT + r")?"
    r"|(?:网友|網友|用户|用戶|读者|讀者)?(?:评论|評論|留言)" + _COMMENT_COUNT
    + r"|(?:已有|共有|共)?\s*\d+\s*(?:条|條|个|個|則|则)\s*(?:评论|評論|留言|回复|回覆))$"
)
# A button folding the rest of the text under it: 展开全文, 展开剩余80%, 點擊展開全文, 請繼續往下閱讀...
FOLD = PATTERNS.compile(r"^(?:(?:点击|點擊)?(?:展开|展開)(?:全文|剩余\s*\d{1,3}\s*%|剩餘\s*\d{1,3}\s*%)|" + READ_ON
                       + r"(?:全文)?)\s*(?:[>》»∨⌄]*|\.{2,}|…+)$")
# Lines after which the article is over: related lists, footers, tags, share bars.
# A heading of related links: 相关新闻, 延伸阅读.
RELATED = r"(?:相关|相關)(?:阅读|閱讀|新闻|新聞|文章|链接|鏈接|推荐|推薦|报道|報導)|(?:延伸|推荐|推薦|热门|熱門|更多)(?:阅读|閱讀)"
END_MARKER = PATTERNS.compile(
    r"^(?:"
    + RELATED +
    r"|(?:热点|熱點|推荐|推薦|热门|熱門|精彩|猜你)(?:新闻|新聞|推荐|推薦|文章|图片|圖片|视频|視頻|喜欢|喜歡)"
    r"|返回(?:首页|首頁|顶部|頂部|列表).{0,3}|【?(?:打印|列印)(?:本页|本頁|此页)】?.*|【?(?:关闭|關閉)(?:窗口|視窗)】?.*"
    r"|【?(?:纠错|糾錯)】?.*|(?:上一篇|下一篇).*|分享到.*|#\S+"
    r"|.{0,40}(?:版权所有|版權所有|Copyright|©|ICP备).*"
    r"|(?:主办|主辦)(?:单位|單位)?\s*[:：].*|(?:网友|網友)?(?:评论|評論)(?:区|區)?"
    r"|【?(?:免责声明|免責聲明|版权声明|版權聲明)】?.*|.{0,20}(?:未经授权|未經授權|禁止转载|禁止轉載).*"
    r"|.{0,12}(?:查看更多|展开全文|展開全文|阅读全文|閱讀全文|查看原文|阅读原文|閱讀原文)\s*[>》»]*"
    r")$",
    re.I,
)
# A site's legal notice under an article: a disclaimer, the terms of reprinting, a comment board's rules (免责声明：…,
# 本文仅代表作者个人观点，不代表本网立场, 转载请注明出处, 非經授權，不得轉載, 本平台仅提供信息存储服务, 有權逕予刪除). Tried at each
# character: every branch opens with a fixed word.
LEGAL_NOTICE = PATTERNS.compile(
    r"(?:免责|免責|特别|特別|版权|版權)(?:声明|聲明)|不代表本?(?:网|網|站|平台|报|報|刊|号|號)?(?:的)?(?:立场|立場|观点|觀點)"
    r"|(?:仅|僅)提供信息(?:存储|存儲)服务|(?:转载|轉載)(?:请|請)(?:注明|註明)|(?:未经|未經|非经|非經)(?:本网|本網|本站|本报|本報|正式)?"
    r"(?:授权|授權)[，,]?(?:不得|禁止|严禁|嚴禁)|(?:有权|有權)(?:逕予|径予|予以)?(?:删除|刪除)"
    r"|(?:版权|版權)(?:均)?(?:属于|屬於|归|歸)|(?:转载|轉載)\S{0,3}(?:涉及|有关|有關)(?:版权|版權)"  # 如本網轉載稿涉及版權…
)
# Photo captions: 图为…, 图注…, （摄影 …）, 圖／…, a line that ends with a picture credit or is one (…供图), a caption
# after the triangle that broadcasters' pages set before one (△示例市市长王大明).
CAPTION = PATTERNS.compile(
    r"^(?:△|图为|圖為|图注|圖說|图说|上图|下图|左图|右图|上圖|下圖|资料图|資料圖|图片来源|圖片來源|图像来源|圖像來源|图像加注|圖像加註|图片：|圖片：|(?:图|圖)\s*[/／])"
    r"|[（(](?:[^（）()]{0,20})(?:摄影?|攝影?|图|圖|照片|供图|供圖|示意圖|示意图|圖取自|图取自)[^（）()]{0,30}[）)]\s*$"
    r"|^[（(]?(?:摄影|攝影|摄|攝)\s*[:：/／]?\s*[" + HAN_CLASS + r"·\s]{2,12}[）)]?$"
    r"|\s(?:图|圖)\s*[/／]\s*[^\s，。,]{1,12}\s*$"  # …的帽子。 圖／歐新社
    r"|[。！？」]\s*(?:图为|圖為)"  # …的政治賭局。圖為2021年…
    r"|\s(?:通讯员|通訊員|记者|記者)?[" + HAN_CLASS + r"]{2,4}\s*(?:摄|攝)$"  # …开往襄阳。 通讯员刘娟 摄
    r"|^(?:图|圖)\s*[0-9０-９一二三四五六七八九十]{1,3}\s*(?:[：:]|\s(?!\s*[，。,]))"  # 图五：链接保存, 图 3 示例 (not 图3显示，…)
    r"|^.{0,30}(?:截图|截圖)$"  # BBC报道截图
    r"|^[^\s。，,；;/／]{2,20}(?:供图|供圖)$"  # a picture's credit alone: 示例博物院供图
    r"|^(?:Photo|Image|Picture)s?\s*(?:by|credit|courtesy|source|[:：/／])"  # in English: Photo by 王小明 on Unsplash
)
# Marks pointing at a picture under or over them, opening its caption (△ opens one by CAPTION too): on the training
# sites they open captions, related links and column labels, never a line of text.
PICTURE_POINTERS = ("▲", "▼", "■")
# A piece of a sentence or of a quotation, never a heading: a line that ends on a word carrying the
# sentence on (因为, 简单说就是), or the credit under a quoted poem (——（汉）东方朔).
FRAGMENT = PATTERNS.compile(
    r"(?:因为|因為|所以|但是|而且|如果|就是|然后|然後|于是|於是|比如|例如|或者|以及|并且|並且)$|^(?:—{2}|─{2}|-{2})"
)
# Numbered section headings: 第一章, 第二节, 一、, （一）, 1. — level by kind, one group per kind.
HEADING_NUMBERS: dict[str, str] = {
    "part": r"第[一二三四五六七八九十百零〇\d]+[编編篇部]",
    "chapter": r"第[一二三四五六七八九十百零〇\d]+章",
    "section": r"第[一二三四五六七八九十百零〇\d]+[节節]",
    "han-number": r"[一二三四五六七八九十]{1,3}\s*[、.．]",
    "bracket-number": r"[（(][一二三四五六七八九十]{1,3}[）)]",
    "arabic-number": r"\d{1,2}\s*[、.．](?!\d)",
}
HEADING_NUMBER = PATTERNS.compile("^(?:" + "|".join(f"({rx})" for rx in HEADING_NUMBERS.values()) + ")")
# A section numbered in decimals and a space apart from its name (1.1 示例目的, 2.3.1 示例范围): a report's or a
# specification's section; a list's item glued to its clause (5.2具有…) or a quantity (2.5 亿元) is none.
DECIMAL_SECTION = PATTERNS.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?=[" + HAN_CLASS + r"A-Za-z])(?![亿万千百])")
# A list's item numbered before a year (1.2025年度工作指南), which the numbering above leaves out with a number's
# decimals (1.5).
ITEM_BEFORE_YEAR = PATTERNS.compile(r"^\d{1,2}\s*[、.．](?=\d{4}年)")
ITEM_VALUE = PATTERNS.compile(r"^[（(]?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})")  # the number a list's item opens with
# Where a scraper glued a credit's words to the date after them (谢小含2017-03-01 14:27, 示例网2024-01-05): the
# credit reader reads the line with a space put there, as sites print it.
WORDS_ON_DATE = PATTERNS.compile(r"(?<=[" + HAN_CLASS + r"])(?=\d{4}\s*[-/.年]\s*\d{1,2})")
# A notice's contact line under its text (联系人：王明；联系电话：12345678, 电子邮箱：…): a site's footer prints the same
# labels, so it is the notice's only right under its text or over its signature.
CONTACT = PATTERNS.compile(r"^(?:联系人|聯絡人|联系电话|聯絡電話|联系方式|聯絡方式|咨询电话|諮詢電話|电话|電話|手机|手機|传真|傳真"
                           r"|(?:联系|聯絡|聯繫|工作|电子|電子)?(?:邮箱|郵箱|信箱|邮件|郵件)|E-?mail"
                           r"|(?:联系|聯絡|聯繫|通信|通讯|通訊)?地址|邮编|郵編)\s*[:：]",
                           re.I)
# A date's range going on after it (2020年2月19日至22日, 3月1日-5日): the days something lasts, no day of print. Tried
# where no white space stands before it, so that a long run of it costs linear time.
DATE_RANGE_ON = PATTERNS.compile(r"(?<!\s)\s*(?:至|到|～|~|—|–|-)\s*(?:(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日"
                                 r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})")
MAIL_LABEL = PATTERNS.compile(r"邮箱|郵箱|信箱|邮件|郵件|mail", re.I)  # a contact label of an e-mail address
NUMBER_LABEL = PATTERNS.compile(r"电话|電話|手机|手機|传真|傳真|邮编|郵編")  # a contact label of a number
# A notice's note of its attachments, printed between its text and its signature: 附件：1.培训日程安排 / 2.报名表.
ATTACHMENTS = PATTERNS.compile(r"^(?:相关)?(?:附件|附件清单)\s*\d{0,2}\s*[:：]")
# A news dateline's reporter: （记者唐霁）, （中央社記者沈佩瑤台北23日電）, 〔記者王小明／台北報導〕.
DATELINE = PATTERNS.compile(
    r"^(?P<lead>[^（(〔【\[]{0,20})[（(〔【\[](?P<agency>[^（）()〔〕【】\[\]]{0,8}?)(?:记者|記者)\s*"
    r"(?P<rest>[" + HAN_CLASS + r"·\s、]{2,30}?)\s*(?:[／/]\s*[" + HAN_CLASS + r"]{2,6}?(?:" + REPORT_WORD + r"|電|电))?"
    r"\s*(?P<dated>\d{1,2}日(?:电|電))?[）)〕】\]]"
)
# A dateline opening a paragraph with no brackets: 环球网实习记者胥文琦1月12日报道, 大江网讯 实习生吴梦丽、记者喻云亮报道：
# (the same groups as DATELINE's; the names' place before a date is cut as there: 新华社记者张三北京3月5日电).
OPEN_DATELINE = PATTERNS.compile(
    r"^(?P<lead>[^，。,（(【\[〔]{0,16}?)(?P<agency>)(?:" + ROLE_NAMES + r")\s*(?P<rest>[" + HAN_CLASS + r"·]{2,6}"
    r"(?:(?:[、\s]|" + ROLE_NAMES + r")+[" + HAN_CLASS + r"·]{2,6}){0,5}?)\s*(?P<dated>(?:\d{1,2}月)?\d{1,2}日)?"
    r"(?:" + REPORT_WORD + r"|电|電)(?=[：:\s　]|$)"
)
# A wire dateline without a reporter: （中央社台北23日電）, 新华社北京3月5日电.
AGENCY_DATELINE = PATTERNS.compile(r"^[（(]?(?P<agency>[" + HAN_CLASS + r"]{1,6}?社)[" + HAN_CLASS
                                   + r"]{2,8}?(?:\d{1,2}月)?\d{1,2}日(?:电|電)")
# The outlet's own tag opening the text: [世华财讯]…, 〔中央社〕…, 【明報專訊】…, 新浪财经讯 北京时间…, 腾讯科技讯（…）.
# A bracketed tag counts when it ends like an outlet (MEDIA_WORDS, 讯): 【订票电话加价】 is a topic. A lead of two
# characters before 讯 is the paper's short name (商报讯, 晨报讯), not the outlet as the page names it.
OPENING_TAG = PATTERNS.compile(
    r"^(?:[〔【\[](?P<tag>[^〔〕【】\[\]\s]{2,10}?)(?:专讯|專訊)?[〕】\]](?=\S)"
    r"|(?P<lead>[" + HAN_CLASS + r"]{3,8}?)(?:快讯|快訊|讯|訊)(?=[\s（(：:]|$))"
)
# A writer's name closing the article after its last sentence: in brackets (…换新iPhone。(李楠), (立悟/编译), （記者 李慧婷）,
# （記者 李慧婷/文 通訊員 史貝貝/圖）: the writer, not the photographer; not （完） or （图）), or after a role word
# (。本报记者 于涛, 。文/包文臻).
TRAILING_CREDIT = PATTERNS.compile(
    r"[。！？”」](?:(?P<open>[（(])(?:(?:记者|記者)\s*)?|(?:本报|本報)(?:记者|記者)\s*|(?:记者|記者)\s+"
    r"|文\s*[/／]\s*(?:(?:记者|記者)\s*)?)"
    r"(?P<name>(?!完|图|圖|摄|攝|未完|待续|待續)[" + HAN_CLASS + r"]{2,3})(?:\s*[/／]\s*(?:文|编译|編譯|整理|撰稿))?"
    r"(?(open)(?:\s+(?:通讯员|通訊員|实习生|實習生)[^（）()]{1,12})?\s*[）)])\s*$")
# An editor tag closing the last paragraph: （編輯：李亨山）1120823
EDITOR_WORDS = r"责任编辑|責任編輯|编辑|編輯|责编|責編"
EDITOR_TAG = PATTERNS.compile(  # no leading white space: a search would try it from every space of a long run
    r"[（(](?:" + EDITOR_WORDS + r")\s*[:：]\s*(?P<name>[^（）()]{1,20})[）)]\s*\d{0,8}\s*$"
)
# The editor's role after the name, closing the credit: (陈巍 编辑), 曹文明 編輯. Tried where white space starts:
# linear on long runs.
EDITOR_AFTER = PATTERNS.compile(r"(?<!\s)\s*(?:" + EDITOR_WORDS + r")\s*[）)\]】]?\s*$")
# The editor's role right before a name, with a slash or a bar between them: 编辑/李大伟, 责编｜王小红 (where the
# credit reader may take the name for a writer's: 文/张晓明 编辑/李大伟). Searched in the text before the name.
EDITOR_BEFORE = PATTERNS.compile(r"(?:" + EDITOR_WORDS + r")\s*[" + BARS + r"丨]\s*$")
# The names after a credit's that close it with them (not a role word or another credit's label: (李沐阳 编辑), 刘梦婕 校对
# 张彦君): ( 編輯： 劉威 楊倩 ),
# （編輯：唐佩君/呂佳蓉）, 作者：张晓明、李大伟、王芳 2026-03-12 (a date after them). Tried where a run of joiners starts:
# linear on long runs.
CREDIT_NAMES_AFTER = PATTERNS.compile(r"(?<![\s/／、])(?:[\s/／、]+(?!" + LABELS["editor"] + "|" + LABELS["author"]
                                + r")[" + HAN_CLASS + r"]{2,3})+(?=\s*[）)】\]]|\s*$|\s+\d)")
# A credit in brackets of names that the editor's role closes, a line of its own: (陈巍 编辑), （曹文明 編輯）.
EDITOR_CREDIT = PATTERNS.compile(
    r"^[（(]\s*(?P<names>[" + HAN_CLASS + r"]{2,4}?(?:[、\s]+[" + HAN_CLASS + r"]{2,4}?){0,3}?)\s*(?:" + EDITOR_WORDS
    + r")\s*[）)]$")
# Agencies named in a dateline that are not a source of their own ("this paper"), and the words anywhere.
_SELF = r"(?:本报|本報|本刊|本台|本网|本網|本站)"
SELF_REFERENCE = PATTERNS.compile("^" + _SELF)
SELF_NAMED = PATTERNS.compile(_SELF)
# The hundred commonest Chinese surnames (both scripts): a piece starting with one may be a name.
SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓邓鄧冯馮曹彭曾肖萧蕭"
    "田董潘袁蔡蒋蔣余于於杜叶葉程魏苏蘇吕呂丁任卢盧姚沈钟鍾姜崔谭譚陆陸范汪廖石金韦韋贾賈夏付方邹鄒熊白孟秦邱"
    "侯江尹薛闫閆段雷龙龍黎史陶贺賀毛郝顾顧龚龔邵万萬覃武钱錢戴严嚴莫孔向常汤湯康易乔喬賴赖洪游施顏颜莊庄柯翁"
)
# A byline of names and the report's place with no role word: 邱俐穎／台北報導, 【鐘武達、陳世宗／綜合報導】.
# An outlet's name before a slash and a reporter's role, opening a byline: 欣傳媒╱記者丁彥伶／台北報導.
OUTLET_BEFORE_ROLE = PATTERNS.compile(r"^[【\[(（]?(?P<outlet>[^\s/／╱|｜【\[(（]{2,12}?)\s*[/／╱]\s*(?:" + ROLE_NAMES + ")")
REPORT_BYLINE = PATTERNS.compile(
    r"^[（(【\[]?\s*(?P<names>[" + HAN_CLASS + r"]{2,4}(?:[、\s]+[" + HAN_CLASS + r"]{2,4})*)\s*[／/╱]\s*[" + HAN_CLASS
    + r"]{0,6}?(?:即時|即时|綜合|综合)?(?:" + REPORT_WORD + r")\s*[）)】\]]?$"
)
# An outlet and names either side of a slash, a whole line (in brackets or not): 中廣新聞／楊菁惠, 【台灣醒報／林歆芳】,
# 石佳/中国青年报. values.byline_by_shape checks that the outlet ends like one and that the names open with surnames.
_BYLINE_NAMES = r"(?P<names>[" + HAN_CLASS + r"]{2,3}(?:[、 \u3000]+[" + HAN_CLASS + r"]{2,3})*)"
_BYLINE_OUTLET = r"(?P<outlet>[^\s/／╱|｜【】\[\]()（）〔〕]{2,12})"
# The report's place and word closing a byline, or the word alone glued to the names: 王小明 台中報導, 王小明報導.
REPORTED_TAIL = PATTERNS.compile(r"(?:(?<!\s)\s+[" + HAN_CLASS + r"]{2,6}?(?:即時|即时|綜合|综合)?)?(?:" + REPORT_WORD
                            + r")(?=\s*[】\])）〕]?$)")
# An outlet's name glued to its reporter's role and name: CNEWS匯流新聞網記者王小明 (values parts them).
OUTLET_ROLE_NAME = PATTERNS.compile(r"^(?P<outlet>[^\s记記]{2,20}?)(?:记者|記者)\s*(?P<names>[" + HAN_CLASS + r"]{2,4})$")
OUTLET_NAMES = PATTERNS.compile(r"^[【\[(（〔]?\s*" + _BYLINE_OUTLET + r"\s*[/／╱]\s*" + _BYLINE_NAMES + r"\s*[】\])）〕]?$")
NAMES_OUTLET = PATTERNS.compile(r"^[【\[(（〔]?\s*" + _BYLINE_NAMES + r"\s*[/／╱]\s*" + _BYLINE_OUTLET + r"\s*[】\])）〕]?$")
# Under the text, a line that ends the article's frame though the line model does not read it as an end marker:
# related links opened by their heading (相关阅读：…), a list of pages ([1] [2] 下一页).
LINKS_UNDER_TEXT = PATTERNS.compile(r"^(?:(?:" + RELATED + r")\s*[:：>》»]+.*|.{0,30}(?:下一页|下一頁)\s*[>》»]*)$")
# Under the text, a link to the item before or after it (上一条：…, 下一篇：…) or the article's keywords (關鍵字：…).
SIBLINGS_OR_KEYWORDS = PATTERNS.compile(
    r"^(?:上一|下一)(?:条|條|篇|则|則|页|頁)\s*[" + COLONS + r"]|^(?:关键字|關鍵字|关键词|關鍵詞|标签|標籤)\s*[" + COLONS + "]")
# An official document's title (公文标题), often broken over two lines: 关于……的通知.
OFFICIAL_TITLE = PATTERNS.compile(
    r"^(?:关于|關於).+(?:通知|通告|公告|决定|決定|意见|意見|办法|辦法|规定|規定|通报|通報|批复|批覆|报告|報告|方案|规划|規劃|函|令|细则|細則)$"
)
# A WeChat article's header under its title: its mark (Original where the reader's language is English), the writer,
# the account and the date (原创 李文静 科技前沿观察 2024-05-06 21:10 发表于北京).
WECHAT_HEADER = PATTERNS.compile(r"^(?:原创|原創|Original)\s+(?P<name>[^\s\d]{2,12})\s+(?P<account>[^\s\d]{2,30})(?=\s+\d|\s*$)")
# A WeChat account's notice over an article it shares from another: the account the article is from (its source)
# and its writer (以下文章来源于示例诊所 ，作者示例; The following article is from 示例诊所 Author 示例).
REPOST = PATTERNS.compile(r"^(?:以下文章来源于|以下文章來源於|The following article is from)\s*(?P<account>.+?)\s*[，,]?"
                          r"(?:\s*(?:作者|Author)\s*(?P<name>\S.*?))?\s*$")
# A byline line under the title: （記者林小華／台北報導）, 本报记者 张三 李四.
BYLINE = PATTERNS.compile(
    r"^[（(]?\s*(?P<agency>[^（）()记記]{0,8}?)(?:记者|記者)\s*(?P<names>[" + HAN_CLASS + r"·、\s]{2,20}?)\s*"
    r"(?:[／/|｜]\s*[" + HAN_CLASS + r"]{2,8}?)?\s*(?:综合报道|綜合報導|綜合報道|" + REPORT_WORD + r"|电|電)?\s*[）)]?$"
)
# An official document's number under its title: 杭政办函〔2024〕1号, 国发〔2023〕5號.
DOC_NUMBER = PATTERNS.compile(r"^[" + HAN_CLASS + r"]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*[号號]$")
# An outlet's name glued to a dispatch's place before its day: 中新网北京11月20日电 (values.agency_of parts them).
OUTLET_PLACE_DAY = PATTERNS.compile(r"(?P<run>[" + HAN_CLASS + r"]{4,14})\s*(?:\d{1,2}月)?\d{1,2}日(?:电|電)")
# A dispatch's names glued to its place before the day: 趙麗妍台中20日電 (values.reporter_names parts them).
NAMES_PLACE_DAY = PATTERNS.compile(r"[" + HAN_CLASS + r"]{4,8}(?=\d{1,2}日(?:電|电))")
# The place and kind of a report after a byline: 台北即時報導, 北京报道, 台北23日電.
REPORT_PLACE = PATTERNS.compile(r"^[" + HAN_CLASS + r"]{2,6}?(?:\d{1,2}日)?(?:即時|即时|綜合|综合)?(?:報導|报道|電|电)$")
# A labelled summary at the top of an article: 摘要：…, 核心提示：…
SUMMARY = PATTERNS.compile(r"^[【\[]?(?:内容)?(?:摘要|提要|核心提示|導讀|导读)[】\]]?\s*[:：]?\s*")
# Shapes the line tagger weighs (features.py): a bare time, an address, a time glued to a date
# (19:042023/08/25), a line that ends like an outlet's name, role words of bylines and credits.
TIME_ONLY = PATTERNS.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
# A clock time to the second (胡任标今天 12:08:48): a post's or a comment's stamp, never in a headline.
STAMP = PATTERNS.compile(r"(?<!\d)\d{1,2}:\d{2}:\d{2}(?!\d)")
# A link's arrow (更多>>农业, 详细内容»): a link's label, never a heading.
LINK_ARROW = PATTERNS.compile(r">>|＞＞|»")
# A link's short label with its arrow after a paragraph's last sentence (…的保护时长。详情>>): the page's, not the text's.
LINK_AFTER_SENTENCE = PATTERNS.compile(r"(?<=[。！？!?”」』])\s*[^\s。！？，,>＞»”」』\"）)]{1,6}\s*(?:>>|＞＞|»|→)\s*$")
# An arrow opening a line under the text (►颱風假薪水怎麼算？): a link to another item.
LINK_LEAD = PATTERNS.compile(r"^[►▶➤▸→]")
# A name in Latin script of several words (The Verge, Cult of Mac), matched where it starts.
LATIN_NAME = PATTERNS.compile(r"[A-Za-z][A-Za-z0-9.&'-]*(?: [A-Za-z][A-Za-z0-9.&'-]*)+(?![A-Za-z0-9.&'-])")
URL = PATTERNS.compile(r"https?://|www\.|\.com|\.cn|@\w+\.")
WEB_ADDRESS = PATTERNS.compile(r"https?://|www\.")  # no headline prints one (a headline may name 淘宝.com)
GLUED_DATE = PATTERNS.compile(r"\d{1,2}:\d{2}(?:19|20)\d\d[/-]\d{1,2}[/-]\d{1,2}")
# An outlet's app after its name: 都市晚报客户端记者 张晓明 names the paper's app (the source as printed).
APP_SUFFIX = PATTERNS.compile(r"(?:客户端|客戶端|APP|App)$")
MEDIA_WORDS = PATTERNS.compile(r"(?:报|報|网|網|社|台|电视|電視|新闻|新聞|日报|日報|时报|時報|周刊|週刊|财经|財經|科技|中文|消息|快讯|快訊|在线|在線|頻道|频道)$")
# An outlet's name alone in round brackets, a closing credit under the text: (中時新聞網), （金羊网）.
BRACKETED_OUTLET = PATTERNS.compile(r"[（(](?P<outlet>[" + HAN_CLASS + r"]{2,12})[）)]")
# An outlet's name is printed with a label of the kind of item after it: 上報快訊 → 上報.
OUTLET_SUFFIX = PATTERNS.compile(r"(?:快讯|快訊|即时|即時|独家|獨家)$")
# A comment button glued after a credit (its counter (0) is cut with the brackets): 法制晚报李洁我要评论.
BUTTON_TAIL = PATTERNS.compile(r"(?:我要评论|我要評論|我来说两句|我來說兩句|发表评论|發表評論|网友评论|網友評論|参与互动|參與互動)$")
# How an outlet's name ends and a person's does not: 金羊网, 法制晚报 (社 ends names too: 王建社).
OUTLET_END = r"(?:网|網|报|報)"
# An outlet's name and a reporter's glued, as a scraper joins the spans of a credit line: 家电质量网张君, 法制晚报李洁.
OUTLET_NAME_GLUED = PATTERNS.compile(
    r"^(?P<outlet>[" + HAN_CLASS + r"]{1,10}?(?:" + OUTLET_END + "|社))(?P<name>[" + HAN_CLASS + r"]{2,3})$")
OUTLET_NAMED = PATTERNS.compile(r"^[" + HAN_CLASS + r"]{2,10}" + OUTLET_END + "$")  # a name that is an outlet's: (金羊网)
# The link to an outlet's microblog printed after its name: 四川新闻网-成都商报微博 → 四川新闻网-成都商报.
MICROBLOG_LINK = PATTERNS.compile(r"(?<=[" + HAN_CLASS + r"])(?:微博|微博客)$")
# A report's kind after a reporter's name (賴俊佑報導), and the role word after an outlet (BBC中文記者).
REPORT_SUFFIX = PATTERNS.compile(r"(?:综合报道|綜合報導|报道|報導|记者|記者|特约记者|特約記者)$")
# What a credit says was done, not a name: a report word closing a name (賴俊佑報導, 廖宇杰摄, 陈智 整合) and a word
# opening an outlet (摘自京华时报, 据北京晨报). NAME_END is tried where white space starts: linear on long runs.
# A name in the Chinese rendering of a foreign (or a minority's) name, its parts joined by a middle dot (马克·吐温,
# 阿卜杜勒·克里木): the parts after the first, up to the line's end or the next separator.
DOTTED_NAME = PATTERNS.compile(r"(?:[·•‧・][" + HAN_CLASS + r"]{1,6})+(?=$|[\s|｜/／,，;；(（【\[])")
# The word saying when a page was posted or changed, glued to a name or standing for one (龙安发布于, 更新于): no
# part of the name.
DONE_AT = PATTERNS.compile(r"(?:发表|發表|发布|發佈|發布|更新|修改|编辑|編輯|上传|上傳|创建|創建)(?:于|於)$")
NAME_END = PATTERNS.compile(r"(?<!\s)\s*(?:" + REPORT_WORD + r"|摄影|攝影|摄|攝|整合|整理|编译|編譯|撰稿|发自|發自)$")
# What the names wrote and shot, glued after them: 彭瑜 賀懷湘文/圖, 张三 图/文 (tried where white space starts).
WORK_AFTER_NAMES = PATTERNS.compile(r"(?<!\s)\s*(?:文|图|圖)\s*[/／]\s*(?:文|图|圖|摄|攝|摄影|攝影)$")
# A chart's or a map's maker, not the text's writer: 制图/李铭 (the role before the name: GRAPHIC_BEFORE, searched up to
# the name's start), 曲振东 编制 (after it: GRAPHIC_AFTER, matched at the name's end).
GRAPHIC_WORDS = r"编制|編製|制图|製圖|绘制|繪製|绘图|繪圖"
GRAPHIC_BEFORE = PATTERNS.compile(r"(?:" + GRAPHIC_WORDS + r")\s{0,3}[/／:：]?\s{0,3}$")
GRAPHIC_AFTER = PATTERNS.compile(r"\s{0,3}(?:" + GRAPHIC_WORDS + ")")
GRAPHIC = PATTERNS.compile(GRAPHIC_WORDS)
# A picture's credit before a name (图/示例新闻社, 攝影：…): whose picture it is, not where the text came from.
PICTURE_BEFORE = PATTERNS.compile(r"(?:图|圖|摄影|攝影|摄|攝|图片|圖片)\s{0,3}[/／:：]\s{0,3}$")
# A word opening an outlet's name that cites it (摘自京华时报, 据北京晨报, 本文转自：健康时报), or a source's label glued on
# with no colon or space (来源示例日报).
OUTLET_LEAD = PATTERNS.compile(r"(?:(?:本文|文章)?(?:" + EXCERPTED_FROM + "|" + REPRINTED_FROM + r")|来自|來自|据|據|"
                             + LABELS["source"] + r")\s*[" + COLONS + r"]?\s*")
# A desk of the newsroom, not a person or an outlet: 生活中心, 国际组.
DESK_WORDS = r"(?:中心|组|組|部|室)"
DESK = PATTERNS.compile(DESK_WORDS + "$")
# An outlet's news desk, credited where the outlet's name is printed no other way (示例網新聞中心 2024-09-30): the source.
OUTLET_DESK = PATTERNS.compile(r"^\S{1,12}?(?:网|網|报|報|社)(?:新闻中心|新聞中心|编辑部|編輯部)$")
# A desk's name and a reporter's glued, as a scraper joins the spans of a credit line: uho新聞中心林又旻.
DESK_NAME_GLUED = PATTERNS.compile(r"^(?P<desk>\S{0,10}?" + DESK_WORDS + r")(?P<name>[" + HAN_CLASS + r"]{2,3})$")
# The provinces, municipalities and regions of the mainland, Hong Kong, Macao and Taiwan: where a post was sent from.
PROVINCES = (
    "北京|天津|上海|重庆|重慶|河北|山西|辽宁|遼寧|吉林|黑龙江|黑龍江|江苏|江蘇|浙江|安徽|福建|江西|山东|山東|河南|湖北|湖南"
    "|广东|廣東|海南|四川|贵州|貴州|云南|雲南|陕西|陝西|甘肃|甘肅|青海|台湾|台灣|臺灣|内蒙古|內蒙古|广西|廣西|西藏|宁夏|寧夏"
    "|新疆|香港|澳门|澳門"
)
# A writer's name before the word that they posted it and the date (janus 發表於 2024年9月26日 08:27, 张三 发表于
# 2024-01-01): the author, never an outlet.
# The person a content system names as the one who posted the page (发布者：王小明, 发布人： 葛路), the corpus's
# author; the name ends where the next label or a space starts (发布者：王小明发布时间：…).
POSTER = PATTERNS.compile(r"(?:发布者|发布人|發布者|發佈者|發布人|發佈人)\s*[" + COLONS + r"]\s*(?P<name>[" + HAN_CLASS
                          + r"]{2,3}?)(?=\s|$|[|｜/／]|发布|發布|發佈|浏览|瀏覽|点击|點擊|阅读|閱讀|时间|時間|日期)")
POSTED_BY = PATTERNS.compile(r"^(?P<name>[^\s\d:：]{2,20}?)\s*(?:发表于|發表於|发布于|發佈於|發布於)\s*(?=\d)")
# Where a post was sent from, as platforms print it beside the date since 2022 (IP属地：江苏, IP属地：美国, 发表于江苏,
# 2023-05-18 08:30·江苏): no outlet's or person's name.
POSTED_FROM = PATTERNS.compile(
    r"IP\s*(?:属地|屬地)\s*[" + COLONS + r"]?\s*[" + HAN_CLASS + r"]{2,8}"
    r"|(?:发表|發表)(?:于|於)\s*(?:中国|中國)?(?:" + PROVINCES + r")"
    r"|(?<=\d)\s*[·•]\s*(?:" + PROVINCES + r")(?![" + HAN_CLASS + r"])"
)
# A dateline's last piece closed by the report word (张小明 北京报道), and a province's name alone.
REPORTED = PATTERNS.compile("(?:" + REPORT_WORD + ")$")
REPORT_AFTER = PATTERNS.compile("(?:" + REPORT_WORD + ")")  # the report word right after a byline's names and place
PROVINCE = PATTERNS.compile("(?:" + PROVINCES + ")")
# Credits that name no person: anonymous, compiled from the web, the site or paper itself, a desk or another body
# (编辑部, 本报评论部, 融媒体中心, 县委办公室, 课题组; a name of two ending in 部 is one: 阿部).
NOT_A_PERSON = PATTERNS.compile(
    r"^(?:佚名|匿名|不详|不詳|未知|网络|網絡|網路|网友|網友|本站|本网|本網|本报|本報|本刊|综合|綜合|整理|网络整理|網路整理"
    r"|原创|原創|独家|獨家"  # a badge before the credit: 原创 李文静
    r"|.{0,8}(?:综合报道|綜合報導)|.{2,10}(?:部|组|組)|.{1,10}(?:中心|办公室|辦公室|工作室|委员会|委員會|研究院|研究所"
    r"|协会|協會)|.{0,8}(?:评论员|評論員)|.{0,4}文章|[A-Z]{2,6}|" + PROVINCES + r")$"  # 本报评论员: the paper's voice;
    # 作者最新文章: a list's heading; AMD: a company's initials (a press release's); 江苏: where the post was sent from
)
# Book-title marks and brackets: a line with them is a title or a note, not a name alone.
TITLE_MARKS = PATTERNS.compile(r"[《》（）()【】〔〕「」“”]")
# Dates written day first: 01/09/2023 - 09:49, 14.12.2011 19:00.
DATE_DMY = PATTERNS.compile(
    r"(?P<day>\d{1,2})(?P<sep>[/.])(?P<month>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)(?P<roc>)"
    r"(?:\s*[-–]?\s*(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?" + AM_PM + ")?"
)
# Dates in Chinese numerals, as official documents and their notices print them: 二〇二四年三月五日,
# 二○一二年十二月二十一日 (the year digit by digit; the month and the day counted with 十).
HAN_NUMERALS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
HAN_DIGITS = "".join(HAN_NUMERALS)
DATE_HAN = PATTERNS.compile(
    rf"(?P<year>[{HAN_DIGITS}]{{4}})\s*年\s*(?P<month>十[一二]?|[一二三四五六七八九])\s*月\s*"
    r"(?P<day>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号號](?P<roc>)"
    r"(?:\s*(?P<hour>\d{1,2})[:：时時](?P<minute>\d{2})(?:[:：分](?P<second>\d{2}))?)?"
)
# What a notice's addressees end with: 各部门、各单位：, 各乡镇人民政府，县直有关单位：, 市政府各委、办、局：.
ADDRESSEES = r"(?:单位|單位|部门|部門|政府|机关|機關|机构|機構|学校|學校|企业|企業|委|局|处|處|室|办|辦|所|中心)"
# How an office's short name ends, where a person's may stand instead (发布者：教务处, 宣传部, 校友会): the
# addressees' endings and a few more.
OFFICE_NAME = PATTERNS.compile("(?:" + ADDRESSEES + "|[部院校组組科站队隊会會厅廳馆館])$")
# A field's label the metadata labels do not know (访问量：, 点击数：) opening the value of one they know: the known
# label's value was printed empty.
OTHER_LABEL = PATTERNS.compile(r"[^\s\d:：]{1,6}[:：]")
# A notice's issuers printed under its title, the names of government bodies side by side (某市统计局　国家统计局某市
# 调查队): never a headline.
_ORGAN = r"\S{2,20}?(?:局|调查队|調查隊|总队|總隊|厅|廳|委员会|委員會|办公室|辦公室|政府)"
ISSUERS = PATTERNS.compile(_ORGAN + r"(?:\s+" + _ORGAN + ")+")
# A letter's or a notice's salutation on its own line over the text: 各位业主：, 尊敬的旅客：, 亲爱的同学们：, and
# a notice's addressees (各部门、各单位：, 各学院：).
SALUTATION = PATTERNS.compile(
    r"^(?:(?:尊敬的|敬爱的|敬愛的|亲爱的|親愛的|各位)[^\s:：，。]{1,16}|[^\s:：，。]{1,12}(?:们|們)"
    r"|[^\s:：。]{0,20}?各[^\s:：。]{0,40}" + ADDRESSEES + r"|各[^\s:：，。、]{1,6})[:：]$"
)
# Dates with an English month: Jan 17, 2012; January 17, 2012 06:00 AM; the day first: 20 Nov 2024, 20 November 2024.
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAME = r"(?P<monthname>" + "|".join(MONTHS) + r")[a-z]*\.?"
_EN_TIME = r"(?:\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?" + AM_PM + ")?"
DATE_EN = PATTERNS.compile(
    r"\b" + _MONTH_NAME + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)(?P<roc>)" + _EN_TIME, re.I)
DATE_EN_DAY_FIRST = PATTERNS.compile(
    r"\b(?P<day>\d{1,2})\s+" + _MONTH_NAME + r",?\s+(?P<year>(?:19|20)\d\d)(?P<roc>)" + _EN_TIME, re.I)
ROLE_WORD = PATTERNS.compile(r"(?:记者|記者|编译|編譯|编辑|編輯|撰文|文|图|圖|摄影|攝影|通讯员|通訊員|出品|策划|策劃|监制|監製|责编|責編)")

# Program code printed in an article (a command to type, a listing): a shell or interpreter prompt, a word
# that opens a statement or a command, a comment, a line that a brace or a semicolon closes, an assignment or
# a call. General programming notation, read only in runs between the article's lines (corrections.py).
CODE_PROMPT = PATTERNS.compile(r"^(?:[$#%]|>>>|\.\.\.|PS [A-Za-z]:[^>]{0,60}>|[A-Za-z]:\\[^>]{0,60}>"
                         r"|[\w.-]{1,32}@[\w.-]{1,64}:[^$#\s]{0,60}[$#])\s+\S")
CODE_KEYWORD = PATTERNS.compile(
    r"^(?:(?:def|class|import|from\s+[\w.]+\s+import|return|function|var|let|const|public|private|protected|"
    r"static|void|package|else|elif|except|try|catch|finally|echo|sudo|pip3?|npm|yarn|git|docker|kubectl|cd|"
    r"ls|mkdir|chmod|curl|wget|apt(?:-get)?|yum|brew|python3?|java|javac|gcc|make|SELECT|INSERT|UPDATE|"
    r"DELETE|CREATE|ALTER|DROP)(?![\w-])|#include|#define|(?:if|for|while|switch)\s*\(|print\(|console\.log|"
    r"System\.out)")
CODE_COMMENT = PATTERNS.compile(r"^(?://|/\*|\*/?|--|#)\s")
CODE_END = PATTERNS.compile(r"[{};]\s*$")
CODE_SHAPE = PATTERNS.compile(r"^[A-Za-z_$][\w$.\[\]'\"]{0,80}\s*(?:[-+*/%|&^]?=(?!=)\s*\S|\(.{0,160}\)\s*;?\s*$)")
CODE_CLOSER = frozenset(("}", "};", "})", "});", "{", "end", "fi", "done", "esac", "]", "];", ")", ");"))

PATTERNS.save()

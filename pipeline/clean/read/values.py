"""The rules that read metadata values: the labelled fields of a line (来源：…, 作者：…), a date in
any shape pages print it (ISO 8601 with +08:00), an outlet and a byline beside a date, the names of
a credit joined as printed, and the parts of a dateline (新华社巴黎12月9日电 记者 唐霁).
"""

from __future__ import annotations

import re
from datetime import datetime

from pipeline.chinese import HAN_CLASS, UTC_OFFSET
from pipeline.clean import classify as c
from pipeline.clean import patterns as p
from pipeline.clean.types import Metadata, Person
from pipeline.regex_cache import Patterns

PATTERNS = Patterns(__file__)  # saved at the end of the module

FIELD_SEPARATORS = " \t\u3000|｜︱丨/·•,，、;；【】[]"  # 、 too: a list missing its first name (、工商時報)
BARE_NAME_CHARS = 20  # a header line this short with no label or date may be a name alone
MAX_NAME_CHARS = 5  # one person's name or pen name (康斯坦丁, 李小飞刀); longer words are outlets
MAX_CREDIT_PIECE = 10  # characters of a piece of a credit (names glued: 谭飞王艳明闫鹃); a longer one is a sentence
NAME_SEPARATOR = PATTERNS.compile(r"[\s、,，/／╱|｜]+")  # between the names of a credit: 严玉洁 王辉, 蒋琦、夏洪波
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９：－／．", "0123456789:-/.")


def parse_meta_line(text: str, meta: Metadata, *, header: bool = True, names: bool = True) -> None:
    """Read the fields of one metadata line into `meta`, keeping values already read.

    Labelled fields (来源：…) are read by their labels. A date anywhere in the line is the
    publication date, and the words beside it name the outlet or the author (中国网 2019-11-25,
    2023/08/25 徐子軒, 聯合報／記者王小明), and a WeChat article's header its writer and account (原创 李文静
    科技前沿观察 2024-05-06). In the header (`header`), a line of a name alone
    (呂嘉鴻, BBC中文記者) is read the same way. Without `names`, unlabelled words are read as an
    outlet only, never as a name (where the credit reader has read the line).
    """
    byline = p.BYLINE.match(text)
    if byline and not meta.authors:
        credited = byline["names"].strip()
        if p.REPORT_AFTER.match(text, byline.end("names")):  # 记者王小明长沙报道: the place glued to the name
            credited = without_glued_place(credited)
        meta.authors = people(credited, role="记者" if "记" in text else "記者")
    agency = byline["agency"].strip() if byline else ""  # 澎湃新闻记者 段彦超: the outlet, not 本报 or 特约
    if (agency and meta.source is None and c.han_count(agency) == len(agency)
            and p.MEDIA_WORDS.search(p.APP_SUFFIX.sub("", agency)) and not p.SELF_REFERENCE.match(agency)):
        meta.source = agency
    dateline = None if byline else p.DATELINE.match(text) or p.AGENCY_DATELINE.match(text)
    wire = dateline_agency(dateline) if dateline else ""  # a dateline on its own line: 新华社巴库11月20日电（记者…）
    if wire and meta.source is None and not p.SELF_REFERENCE.match(wire):
        meta.source = wire
    editor = p.EDITOR_CREDIT.match(text)  # (陈巍 编辑)
    if editor and not meta.editors:
        meta.editors = people(editor["names"])
    wechat = p.WECHAT_HEADER.match(text)  # 原创 李文静 科技前沿观察 2024-05-06 21:10
    if wechat and not meta.authors:
        meta.authors = credit_people(wechat["name"])
    if wechat and meta.source is None:
        meta.source = wechat["account"]
    shaped = None if byline else byline_by_shape(text)  # 邱俐穎／台北報導, 中廣新聞／楊菁惠; not 台北／綜合報導
    if shaped and not meta.authors:
        meta.authors = people(shaped[1])
    role_after = None if byline or shaped else p.NAMES_ROLE_AFTER.search(text)  # 山田太郎（特约记者）
    if role_after and p.MEDIA_WORDS.search(role_after["names"]):
        role_after = None  # 新华社 记者: no one named
    if role_after and not meta.authors:
        meta.authors = people(role_after["names"])
    if shaped and shaped[0] and meta.source is None:
        meta.source = shaped[0]
    matches = c.label_matches(text, glued=True)
    date = find_date(text)
    # A date after its own label is read with the label; after another field's (稿源： 兰州日报 2011-12-09) it is not.
    before = [m for m in matches if m.start() < date.start()] if date else []
    labelled_date = bool(before) and c.label_field(before[-1]) in ("published", "updated")
    # A date the line labels as the publication's wins over one it prints bare before it (来源：示例报2024年11月25日A6版
    # 发稿时间：2024-11-27 11:41: the paper's edition, then the page's own).
    published_later = date is not None and any(
        c.label_field(m) == "published" and m.start() > date.start() and find_date(text[m.end() :]) for m in matches)
    if date and not labelled_date:
        if meta.published is None and not published_later and not p.DATE_RANGE_ON.match(text, date.end()):
            meta.published = iso_datetime(date)  # but 2020年2月19日至22日: when something lasts, not a day of print
        if not matches and not p.POSTED_BY.match(text):  # janus 發表於 …: a writer's name, read by the credits
            _read_outlet_and_byline([text[: date.start()], text[date.end() :]], meta, names=names)
    elif (header and not matches and not (byline or shaped or role_after) and len(text) <= BARE_NAME_CHARS
          and not p.TITLE_MARKS.search(text)):
        _read_outlet_and_byline([text], meta, names=names)
    for k, match in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        value = text[match.end() : end].strip(FIELD_SEPARATORS)
        if p.OTHER_LABEL.match(value):
            value = ""  # 来源： 访问量：199: the label printed empty, another field's label after it
        field = c.label_field(match)
        # An update's date stands for the publication's where the page gives no other before it (最后更新 14.12.2011)
        if field in ("published", "updated") and meta.published is None:
            found = find_date(value)
            short = None if found else p.DATE_SHORT_YEAR.match(value)
            meta.published = iso_datetime(found) if found else _short_year_date(short) if short else None
        elif field == "source" and meta.source is None and not p.SELF_REFERENCE.match(value):
            meta.source = first_word(value)  # not 来源：本站原创: the site itself names no outlet
        elif field == "author" and not meta.authors:
            # "作者：张三，系某大学教授": the name, not the description after it; not a chart's maker (曲振东 编制)
            name = re.split(r"[，,；;（(）)]", value)[0]
            meta.authors = [] if p.GRAPHIC.search(name) else people(name, role=match.group("label").rstrip(":：|｜ "))
        elif field == "editor" and not meta.editors:
            meta.editors = people(value)
    poster = p.POSTER.search(text) if not meta.authors else None  # 发布者：王小明: the one who posted it
    if poster and (poster["name"][0] in p.SURNAMES or not p.OFFICE_NAME.search(poster["name"])):  # not 发布者：教务处
        meta.authors = people(poster["name"])
    cited = p.SOURCE_CREDIT.search(text) if meta.source is None else None
    if cited:
        meta.source = uncited(cited["outlet"])
    if meta.source is None:
        meta.source = c.bracketed_outlet(text)  # (中時新聞網) under the text


def _read_outlet_and_byline(pieces: list[str], meta: Metadata, *, names: bool = True) -> None:
    """Beside a date: "聯合報／ 記者王小明／台北即時報導", "中国网", "王利阳": the outlet, and a reporter.

    A part that ends like an outlet's name (…报, …网, BBC中文) is the source; a reporter's byline
    or a part of short names alone (康斯坦丁, 叨叨姐 胡一刀) is the author. Desks (生活中心),
    report places (台北報導), counters (0人参与) and buttons are passed over; an outlet's desk (示例網新聞中心) is
    the source where no other part names one.
    """
    reporter_named = after_desk = False
    outlet_desk = ""
    for piece in pieces:
        piece = re.sub(r"[（(【\[][^）)】\]]*[）)】\]]", "  ", piece)  # an update note: （8/23 15:31 更新）
        for part in (x.strip(FIELD_SEPARATORS + "-—") for x in re.split(r"[／/╱|｜·•]+|\s{2,}", piece)):
            outlet = p.MICROBLOG_LINK.sub("", part)  # 成都商报微博: the outlet's name and its microblog's link
            media = p.MEDIA_WORDS.search(outlet) is not None
            buttoned = not media and p.BUTTON_TAIL.search(part) is not None  # 无忌我要评论: a button glued on
            part = outlet if media else p.BUTTON_TAIL.sub("", part)
            glued = p.OUTLET_NAME_GLUED.match(part)  # 法制晚报李洁: a name that opens with a common surname
            if glued and glued["name"][0] in p.SURNAMES and not p.MEDIA_WORDS.search(glued["name"]):
                meta.source = meta.source or glued["outlet"]
                meta.authors = meta.authors or people(glued["name"])
                continue
            if not part or c.han_count(part) < 2 or c.is_chrome(part):
                continue
            if any(ch.isdigit() for ch in part) and not p.MEDIA_WORDS.search(part):
                continue  # a time, a counter (0人参与); but an outlet's name may hold digits (21世纪网, 新华08网)
            desk = p.DESK_NAME_GLUED.match(part)  # uho新聞中心林又旻: a desk's name and a reporter's glued
            if desk and desk["name"][0] in p.SURNAMES:
                meta.authors = meta.authors or people(desk["name"])
                reporter_named = True
                continue
            if p.DESK.search(part):
                desk_outlet = first_word(part)  # 鉅 亨網新聞中心: the outlet's desk, the source where nothing else is
                if desk_outlet and p.OUTLET_DESK.match(desk_outlet) and not outlet_desk:
                    outlet_desk = desk_outlet
                after_desk = True
                continue
            glued_role = p.OUTLET_ROLE_NAME.match(part)  # CNEWS匯流新聞網記者王小明: the outlet, then the reporter
            if glued_role and p.MEDIA_WORDS.search(glued_role["outlet"]):
                if not p.SELF_REFERENCE.match(glued_role["outlet"]):  # 本报记者王小明: the paper names no outlet
                    meta.source = meta.source or glued_role["outlet"]
                if names and not meta.authors:
                    meta.authors = people(glued_role["names"])
                reporter_named = True
                continue
            if p.BYLINE.match(part):
                if names and not meta.authors:
                    meta.authors = people(part)  # 編譯茅毅、記者謝守真: the names, the role words apart
                reporter_named = True
                continue
            if p.REPORT_PLACE.match(part) and (reporter_named or not after_desk):
                continue  # 台北即時報導 after a reporter; but 生活中心／賴俊佑報導 names one
            after_desk = False
            name = p.REPORT_SUFFIX.sub("", part)
            if name != part and p.LATIN_NAME.fullmatch(reporter := name.strip()) and not p.MEDIA_WORDS.search(name):
                meta.authors = meta.authors or [Person(reporter)]  # ERIK ECKHOLM 报道: a reporter, in Latin script
                reporter_named = True
            elif p.MEDIA_WORDS.search(name) or re.search(r"[A-Za-z]", name):
                if meta.source is None:
                    meta.source = p.OUTLET_SUFFIX.sub("", first_word(name) or name) or None
            elif ((names or (buttoned and meta.source and c.han_count(name) == len(name)))  # 腾讯科技 无忌我要评论
                  and all(2 <= len(token) <= MAX_NAME_CHARS for token in name.split()) and not meta.authors):
                meta.authors = people(name)
    if meta.source is None and outlet_desk:
        meta.source = outlet_desk


def _short_year_date(match: re.Match[str]) -> str | None:
    """18-03-0823:16 → 2018-03-08T23:16:00+08:00 (a page of this century)."""
    full = p.DATETIME.match(f"20{match['yy']}-{match['month']}-{match['day']} {match['hour']}:{match['minute']}")
    return iso_datetime(full) if full else None


def find_date(text: str) -> re.Match[str] | None:
    """The first date in a text, in any of the shapes pages print (full-width digits too)."""
    text = text.translate(FULL_WIDTH_DIGITS)
    return (p.DATETIME.search(text) or p.DATE_DMY.search(text) or p.DATE_EN.search(text)
            or p.DATE_EN_DAY_FIRST.search(text) or p.DATE_HAN.search(text))


def without_date(text: str) -> str | None:
    """The text without its first date and the time after it (a comma between them too: 2012年1月12日， 格林尼治標準時間
    10:20), or None where it has no date."""
    found = find_date(text)
    if found is None:
        return None
    time = _time_after(found)
    return text[: found.start()] + text[time.end() if time else found.end() :]


def number(text: str) -> int:
    """The value of a date's number in Arabic or Chinese numerals: 2024, 二〇二四 (digit by digit), 五, 十二, 二十一."""
    if text.isdigit():
        return int(text)
    tens, ten, ones = text.partition("十")
    if ten:
        return (p.HAN_NUMERALS[tens] if tens else 1) * 10 + (p.HAN_NUMERALS[ones] if ones else 0)
    return int("".join(str(p.HAN_NUMERALS[digit]) for digit in text))


# The time zones pages print before a time, with their offsets: a time is the pages' own (+08:00) unless it names
# Greenwich (BBC's 格林尼治標準時間 10:20, GMT, UTC), printed as it is with its offset.
GREENWICH = ("GMT", "UTC", "格林尼治标准时间", "格林尼治標準時間", "格林威治时间", "格林威治時間")
OWN_ZONES = ("HKT", "CST", "TST", "北京时间", "北京時間", "台北时间", "台北時間", "香港时间", "香港時間")
ZONES = {zone: "+00:00" for zone in GREENWICH} | {zone: UTC_OFFSET for zone in OWN_ZONES}
# A clock time just before a date, white space between: 18:07 2012-01-16. Tried where a digit starts: linear.
TIME_BEFORE = PATTERNS.compile(r"(?<!\d)(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*$")
# A time after its date (a comma between too) with a weekday (in brackets too), a time zone or the half of the day
# between, the half after it too: 2012年1月12日 星期四 10:30, 2024.11.20 (三) 09:30, 2024-11-20 HKT 08:03,
# 2012年1月12日， 格林尼治標準時間 10:20, 2012/1/12 下午 03:45:00, 2024/11/20 PM 3:30, 2012年1月12日下午3时45分,
# 2024年11月20日 星期三 9:30 pm. Tried where the date ends (before its white space): linear.
TIME_AFTER = PATTERNS.compile(
    r"(?<!\s)[，,]?\s*(?:[（(]?(?:星期|週|周|禮拜|礼拜)?[一二三四五六日天][）)]?\s*)?(?:(?P<zone>"
    + "|".join(ZONES) + r")\s*)?"
    r"(?:(?P<half>上午|下午|中午|晚上|晚间|晚間|凌晨|早上)\s*|(?P<half_before>[AaPp]\.?[Mm]\.?)\s+)?"
    r"(?P<hour>\d{1,2})[:：时時点點](?P<minute>\d{2})(?:[:：分](?P<second>\d{2}))?(?!\d)" + p.AM_PM)
AFTERNOON = ("下午", "晚上", "晚间", "晚間")
# A clock time alone on its line, a zone's name before it: 香港時間１７時０６分 under 2012年1月17日（星期二）.
TIME_ALONE = PATTERNS.compile(
    r"^(?:(?P<zone>" + "|".join(ZONES) + r")\s*)?(?P<hour>\d{1,2})[:：时時点點](?P<minute>\d{2})分?$")


def clock_time(text: str) -> str | None:
    """The time of a line that is a clock time alone, as ISO 8601 puts it after a date (T17:06:00+08:00)."""
    found = TIME_ALONE.match(text.strip().translate(FULL_WIDTH_DIGITS))
    if found is None or int(found["hour"]) > 23 or int(found["minute"]) > 59:
        return None
    return iso_time(int(found["hour"]), int(found["minute"]), zone=found["zone"])


def iso_time(hour: int, minute: int, second: int = 0, zone: str | None = None) -> str:
    """A clock time as ISO 8601 puts it after a date, with the offset of the zone printed (the pages' own, +08:00,
    where none is): T17:06:00+08:00."""
    return f"T{hour:02d}:{minute:02d}:{second:02d}{ZONES.get(zone or '', UTC_OFFSET)}"


def _time_after(date: re.Match[str]) -> re.Match[str] | None:
    """The time printed after a date match (a weekday, a zone or the half of the day between), if any."""
    end = len(date.string[: date.end()].rstrip())  # where the date's own characters end
    return TIME_AFTER.match(date.string, end)


def iso_datetime(match: re.Match[str]) -> str | None:
    """ISO 8601 from a date match: date and time with +08:00 (the time after the date, a weekday or the half of the
    day between, or just before it), or the date alone."""
    found = match.groupdict()
    year = number(found["year"]) if found["year"] else int(found["roc"]) + p.ROC_EPOCH
    name = found.get("monthname")
    month = p.MONTHS.index(name[:3].lower()) + 1 if name else number(found["month"])
    day = number(found["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    date = f"{year:04d}-{month:02d}-{day:02d}"
    if found["hour"] is None:
        time = _time_after(match) or TIME_BEFORE.search(match.string, 0, match.start())
        found = {**found, **time.groupdict()} if time else found  # 18:07 2012-01-16: the time before its date
    if found["hour"] is None or int(found["hour"]) > 23 or int(found["minute"]) > 59:
        return date
    hour, half = int(found["hour"]), (found.get("ampm") or found.get("half_before") or "")[:1].lower()
    if (half == "p" or found.get("half") in AFTERNOON or (found.get("half") == "中午" and hour < 11)) and hour < 12:
        hour += 12  # 06:45 pm, 下午3时45分
    elif half == "a" and hour == 12:
        hour = 0  # 12:30 am
    return date + iso_time(hour, int(found["minute"]), int(found["second"] or 0), found.get("zone"))


def first_word(value: str) -> str | None:
    """A source as printed up to the first space or slash (a space after its first character aside), without a
    trailing place in brackets or a word opening it (摘自京华时报)."""
    latin = p.LATIN_NAME.match(value.strip())  # The Verge, Cult of Mac: a name in Latin script is words
    words = value.split()
    if len(words) > 1 and len(words[0]) == 1 and c.han_count(words[0]) == 1:
        words = [words[0] + words[1], *words[2:]]  # 壹 蘋新聞網: one character is no outlet, a space broke the name
    word = latin.group() if latin else words[0] if words else ""
    # 第一财经日报(上海), 人民日报（2024年…版）, 優活健康資訊網╱uho新聞中心: the outlet before the bracket or slash
    word = re.split(r"[（(/／╱|｜]", word)[0].strip(FIELD_SEPARATORS)
    return uncited(p.BUTTON_TAIL.sub("", word)) or None  # 求是网参与互动: a link's words glued on


def uncited(name: str) -> str:
    """An outlet's name without the word that cites it: 摘自京华时报 → 京华时报, 据新华社拉萨电 → 新华社拉萨电."""
    lead = p.OUTLET_LEAD.match(name)
    return name[lead.end() :] if lead else name


def credit_people(value: str, role: str | None = None) -> list[Person]:
    """The names of a span as one credit; a span people() cannot split (蒋 凌) as printed; none for no one."""
    return people(value, role) or ([] if p.NOT_A_PERSON.match(value) else [Person(value, role)])


def people(value: str, role: str | None = None) -> list[Person]:
    """Names in a byline value, with a role word such as 记者 set apart and a report word (報導, 摄) left out."""
    value = value.strip("（()）【】[] ")  # （记者 王小明）: the brackets, then the role
    lead = p.ROLES.match(value)
    if lead:
        role, value = lead.group(1), value[lead.end() :]
    unworked = p.WORK_AFTER_NAMES.sub("", value)  # 彭瑜 賀懷湘文/圖; but 王文/图 may be 王文's picture
    if len(NAME_SEPARATOR.split(unworked)[-1]) >= 2:
        value = unworked
    tokens = [t for t in NAME_SEPARATOR.split(value) if t]
    # The names end where another field starts ("李明  字号：大 中 小") or a date does (John Smith 2024-03-05).
    cut = next((i for i, t in enumerate(tokens) if any(mark in t for mark in p.COLONS) or find_date(t)), len(tokens))
    names = [_bare_name(t) for t in tokens[:cut]]
    names = [n for n in names if len(n) >= 2 or not c.han_count(n)]
    if any(c.han_count(n) for n in names):
        names = [n for n in names if c.han_count(n)]  # "王五 SF001": the name, not the staff code
    names = [n for n in names if n and len(n) <= MAX_CREDIT_PIECE and not p.NOT_A_PERSON.match(n)]  # 佚名, 网络整理
    names = [n for n in names if not p.OUTLET_NAMED.match(n)] or names  # 文/观察者网 王世纯: the outlet is no name
    if not names:
        return []
    return [Person(as_printed(value, names), role if role not in (None, "作者") else None)]


def _bare_name(token: str) -> str:
    """A name as a credit's piece prints it, without the role word before it (通讯员樊骁), a staff code glued to it
    (杜硕_NB12556), a report word after it (賴俊佑報導, 陈智 整合) or brackets."""
    return p.NAME_END.sub("", p.STAFF_CODE.sub("", p.ROLES.sub("", token))).strip("【】[]")


def as_printed(value: str, names: list[str]) -> str:
    """Several names of one byline as one credit, joined as the value prints them: 茅毅、謝守真, 段彦超 廖艳,
    唐佩君/呂佳蓉; names a role word parts (记者 柳德新 通讯员 彭娟) are not side by side: 柳德新、彭娟."""
    if len(names) < 2:
        return "".join(names)
    between = value[value.find(names[0]) + len(names[0]) : value.find(names[1])]
    if role_parted(between):
        return "、".join(names)
    joiner = next((ch for ch in between if ch in "、/／╱,，&"), " ")
    return joiner.join(names)


def role_parted(between: str) -> bool:
    """Whether what stands between two names is a role word with joiners (记者 柳德新 通讯员 彭娟): names of one
    credit, not side by side."""
    return bool(between.strip(p.NAME_JOINERS)) and p.ROLE_BETWEEN.fullmatch(between) is not None


def byline_by_shape(text: str) -> tuple[str | None, str] | None:
    """A byline with no role word read by its shape alone, as (outlet, names as printed): the names and the report's
    place (邱俐穎／台北報導, 【鐘武達、陳世宗／綜合報導】: no outlet; 【華視新聞╱報導】: an outlet, no names), an outlet
    and the names either side of a slash
    (中廣新聞／楊菁惠, 【台灣醒報／林歆芳】, 石佳/中国青年报). The names are of two or three characters, one opening
    with a common surname, and the outlet ends like an outlet's name (公視新聞網 / 醫療 is a channel's path,
    生活中心／賴俊佑報導 a desk's credit, which the credit reader reads); the report's place after an outlet's names
    (民視新聞／王小明、李大華 台中報導, 上報快訊／王小明報導) is no name."""
    text = text.strip()
    unnamed = None  # 【華視新聞╱報導】: an outlet's report, no one named (but 上報快訊／王小明報導 names one)
    for shape, with_outlet in ((p.REPORT_BYLINE, False), (p.OUTLET_NAMES, True), (p.NAMES_OUTLET, True)):
        match = shape.match(p.REPORTED_TAIL.sub("", text) if shape is p.OUTLET_NAMES else text)
        if match is None or (with_outlet and not p.MEDIA_WORDS.search(match["outlet"])):
            continue
        names = match["names"].strip()
        if not with_outlet and p.MEDIA_WORDS.search(names):
            unnamed = names, ""
            continue
        parts = re.split(f"[{re.escape(p.NAME_JOINERS)}]+", names)
        if all(len(name) <= 3 for name in parts) and any(name[0] in p.SURNAMES for name in parts):
            return (match["outlet"] if with_outlet else None), names
    return unnamed


def dateline_agency(match: re.Match[str]) -> str:
    """The agency or outlet a dateline names (DATELINE, OPEN_DATELINE, AGENCY_DATELINE): its agency before the
    reporter, else its lead's (新华社巴库11月20日电（记者张晓明）)."""
    found = match.groupdict()
    return (found.get("agency") or "").strip() or agency_of(found.get("lead") or "")


def agency_of(lead: str) -> str:
    """The agency or outlet of a dateline's lead: 新华社巴黎12月9日电, 据新华社拉萨电 → 新华社; 中新网北京11月20日电 →
    中新网, 中国新闻网北京11月20日电 → 中国新闻网 (the longest opening that ends like an outlet's name, a place of two
    characters or more after it)."""
    lead = uncited(lead.strip())
    match = re.match(r"^([" + HAN_CLASS + r"]{1,6}?社)", lead)
    if match:
        return match.group(1)
    dated = p.OUTLET_PLACE_DAY.match(lead)
    if dated is None:
        return ""
    run = dated["run"]
    ends = [k for k in range(2, len(run) - 1) if p.MEDIA_WORDS.search(run[:k])]
    return run[: ends[-1]] if ends else ""


def reporter_names(rest: str, dated: bool) -> list[str]:
    """Names in a dateline: 唐霁; 沈佩瑤 of 沈佩瑤台北 (a place precedes 23日電); 陈望 and 樊骁 of 陈望 通讯员樊骁
    (a role word parts them); no report word (陈智 整合)."""
    tokens = [n for n in re.split(r"[\s、]+", rest.strip()) if n]
    names = [_bare_name(n) for n in tokens]
    if not names:
        return []
    if len(names) > 1 and p.REPORTED.search(tokens[-1]) and _place_like(names[-1]):
        names = names[:-1]  # 张小明 北京报道: the place the report was filed from
    if dated:
        last = names[-1]
        # The place before the date: two characters, the name two or three before it.
        if len(names) == 1 and len(last) >= 4:
            names[-1] = last[:-PLACE_CHARS] if len(last) <= max(PLACE_GLUED) else last[:3]
        elif len(names) > 1:
            names = names[:-1] if len(last) <= 3 else names
    return [n for n in names if 2 <= len(n) <= 4]


def without_glued_place(name: str) -> str:
    """A reporter's name before the report word with the place it was filed from glued to it cut off (王小明长沙 of
    本报记者王小明长沙报道: 王小明): two characters, the name two or three before them (as in 趙麗妍台中20日電)."""
    if name[:1] in p.SURNAMES and len(name) in PLACE_GLUED and c.han_count(name) == len(name):
        return name[:-PLACE_CHARS]
    return name


PLACE_CHARS = 2  # a report's place glued to its reporter's name
PLACE_GLUED = (4, 5)  # characters of a name and a place glued (a name of two or three)


def _place_like(word: str) -> bool:
    """Whether a word before a report word reads as the place it was filed from, not a name: a province's, or one
    that opens with no common surname (北京, 香港, 广州; 武汉 reads as a name)."""
    return p.PROVINCE.fullmatch(word) is not None or (word[:1] not in p.SURNAMES and len(word) >= 2)


def iso_date(text: str) -> str | None:
    """The ISO 8601 date (and time) of the first date in a text, if it has one; a time a head's value gives in
    another zone (2024-11-19T23:45:00Z, JSON-LD's datePublished) at the same moment in the pages' own (+08:00)."""
    if ZONED.match(text):
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            pass
        else:
            return moment.astimezone(PAGE_ZONE).isoformat(timespec="seconds")
    found = find_date(text)
    return iso_datetime(found) if found else None


PAGE_ZONE = datetime.strptime(UTC_OFFSET, "%z").tzinfo  # the zone of the times pages print
# An ISO 8601 time with its zone: 2024-11-19T23:45:00Z, 2024-11-20T07:45:00.000+0800.
ZONED = PATTERNS.compile(r"^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})\s*$")

PATTERNS.save()

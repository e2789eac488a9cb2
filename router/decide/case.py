"""Case input: one JSON object per case, the same fields as the CLI options. Strictly checked;
every error is an InputError in Chinese naming the field, the value and what is accepted."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from router.model.clock import CST
from router.model.errors import InputError
from router.model.lazydc import dataclass

EVENTS = {
    "written_materials": "投诉人、举报人提交了书面材料",
    "verified_no_violation": "经初步核实未发现违法行为",
    "dispute_unresolved": "管辖争议经协商未能解决",
    "notified_refused": "接到通知的部门不能说明理由又拒不处理",
    "enforcement_error": "发现乡镇街道执法错误或违法执法",
    "major_lead": "发现重大案件线索",
    "major_hazard": "发现重大治安、安全隐患等涉及其他部门管辖的违法行为",
    "case_opened": "已立案（事件的时间为立案时间）",
}
# Events that time the case rather than change what the rules conclude from its flags: the
# opening (立案) fixes the day jurisdiction is taken on (router/decide/route.py), so it is never
# reported as an input that changed nothing.
TIMING_EVENTS = frozenset({"case_opened"})
# Inputs that cannot all be true of one case: flagged in the answer, never silently combined.
# (flag or event, flag or event, why)
CONTRADICTIONS = (
    ("verified_no_violation", "suspected_crime", "经初步核实未发现违法行为，却又标记涉嫌犯罪"),
    ("verified_no_violation", "ongoing", "经初步核实未发现违法行为，却又标记违法行为正在进行"),
    ("verified_no_violation", "major_hazard", "经初步核实未发现违法行为，却又报告重大治安、安全隐患"),
    ("verified_no_violation", "enforcement_error", "经初步核实未发现违法行为，却又报告乡镇街道执法错误"),
    ("verified_no_violation", "case_opened", "经初步核实未发现违法行为，却又已立案"),
)
CHANNELS = {"inspection": "执法检查、日常监管中发现", "complaint": "群众投诉举报"}
FLAGS = ("urgent", "ongoing", "suspected_crime")
FIELDS = {"id", "text", "matter", "place", "reported_by", "channel", "at", "events", *FLAGS}
MAX_TEXT = 5000
MIN_YEAR, MAX_YEAR = 2000, 2099

# Lone surrogates: what Python makes of bytes that are not UTF-8 on a command line.
_SURROGATE = re.compile("[\ud800-\udfff]")
_DT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class Case:
    """One case as parsed from its fields."""

    id: Any
    text: str | None
    matters: tuple[str, ...]
    place: str
    reported_by: str
    channel: str
    at: datetime
    urgent: bool = False
    ongoing: bool = False
    suspected_crime: bool = False
    events: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # Chinese remarks about how input was read
    event_at: tuple[tuple[str, datetime], ...] = ()  # events given with their own time

    def time_of(self, event: str | None) -> datetime:
        """When `event` happened: its own time if given, else when the case was found (`at`)."""
        for kind, at in self.event_at:
            if kind == event:
                return at
        return self.at

    def contradictions(self) -> list[str]:
        """The CONTRADICTIONS this case's flags and events fall into (Chinese, for the answer)."""
        given = {e for e in self.events} | {f for f in FLAGS if getattr(self, f)}
        return [why for a, b, why in CONTRADICTIONS if a in given and b in given]


def parse_at(value: Any, now: datetime | None = None) -> tuple[datetime, list[str]]:
    """ISO date-time; +08:00 when no offset is given. A bare date means 00:00 of that day."""
    notes: list[str] = []
    if value is None or value == "":
        return (now or datetime.now(CST)).astimezone(CST), notes
    if not isinstance(value, str):
        raise InputError(f"时间（at）应为文本，如“2026-03-02T09:30”，实际为 {value!r}", field="at", value=value)
    text = value.strip()
    m = _DT.match(text)
    if not m:
        raise InputError(f"无法识别的时间“{value}”：请写成 2026-03-02T09:30（默认北京时间 +08:00）"
                         "或 2026-03-02", field="at", value=value)
    y = int(m.group(1))
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise InputError(f"时间“{value}”的年份超出范围：可接受 {MIN_YEAR}-{MAX_YEAR} 年", field="at", value=value)
    try:
        day = date(y, int(m.group(2)), int(m.group(3)))
        if m.group(4) is None:
            notes.append("未给出时刻，按当日 00:00 计")
            return datetime.combine(day, time(0, 0), CST), notes
        clock = time(int(m.group(4)), int(m.group(5)), int(m.group(6) or 0))
    except ValueError:
        raise InputError(f"时间“{value}”不存在（请检查月、日、时、分）", field="at", value=value) from None
    tz = CST
    if m.group(7):
        off = m.group(7)
        if off == "Z":
            tz = timezone.utc
        else:
            sign = -1 if off[0] == "-" else 1
            digits = off[1:].replace(":", "")
            hours, minutes = int(digits[:2]), int(digits[2:])
            if hours > 14 or minutes > 59:
                raise InputError(f"时间“{value}”的时区偏移无效", field="at", value=value)
            tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
    return datetime.combine(day, clock, tz).astimezone(CST), notes


def _bool(raw: dict, key: str) -> bool:
    value = raw.get(key, False)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    raise InputError(f"“{key}”应为 true 或 false，实际为 {value!r}", field=key, value=value)


def _text(raw: dict, key: str, label: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{label}（{key}）应为文本，实际为 {value!r}", field=key, value=value)
    if "\x00" in value:
        raise InputError(f"{label}（{key}）含有空字符（NUL），请检查来源文件", field=key)
    if _SURROGATE.search(value):
        raise InputError(f"{label}（{key}）含有无法识别的字符（不是有效的 UTF-8 文本），请检查输入的编码", field=key)
    return value


def parse_case(raw: Any, *, now: datetime | None = None) -> Case:
    if not isinstance(raw, dict):
        raise InputError(f"每个案件应为一个 JSON 对象（{{…}}），实际为 {type(raw).__name__}")
    unknown = sorted(str(k) for k in raw if k not in FIELDS)
    if unknown:
        raise InputError(f"未知的字段：{'、'.join(unknown)}；可用字段：{', '.join(sorted(FIELDS))}",
                         field=unknown[0])
    case_id = raw.get("id")
    if isinstance(case_id, str):
        case_id = _text(raw, "id", "编号")
    if (case_id is not None and not isinstance(case_id, (str, int))) or isinstance(case_id, bool):
        raise InputError(f"编号（id）应为文本或整数，实际为 {case_id!r}", field="id", value=case_id)
    text = _text(raw, "text", "违法行为描述")
    if text is not None and len(text) > MAX_TEXT:
        raise InputError(f"违法行为描述过长（{len(text)} 字），上限 {MAX_TEXT} 字", field="text")
    matter = raw.get("matter")
    if matter is None or matter == "" or matter == []:
        matters: tuple[str, ...] = ()
    elif isinstance(matter, str):
        matters = tuple(m for m in re.split(r"[,，、\s]+", matter) if m)
    elif isinstance(matter, list) and all(isinstance(m, str) and m.strip() for m in matter):
        matters = tuple(m.strip() for m in matter)
    else:
        raise InputError(f"事项（matter）应为事项编号或编号列表，如 \"SR-05\" 或 [\"SR-05\", \"DQ-01\"]，实际为 {matter!r}",
                         field="matter", value=matter)
    if not matters and not (text and text.strip()):
        raise InputError("缺少违法行为描述（text）：请填写描述，或用 matter 直接指定事项编号", field="text")
    place = _text(raw, "place", "发生地")
    if not place or not place.strip():
        raise InputError("缺少发生地（place）：请填写乡镇街道名称，如“岳村镇”“中原路街道”", field="place")
    reported_by = _text(raw, "reported_by", "上报单位")
    if not reported_by or not reported_by.strip():
        raise InputError("缺少上报单位（reported_by / --by）：请填写发现或受理案件的乡镇街道或区直部门",
                         field="reported_by")
    channel = raw.get("channel") or "inspection"
    if not isinstance(channel, str) or channel not in CHANNELS:
        raise InputError(f"来源（channel）“{channel}”无效；可用：inspection（执法检查、日常监管中发现，默认）、"
                         "complaint（群众投诉举报）", field="channel", value=channel)
    at, notes = parse_at(raw.get("at"), now)
    events, event_at = _events(raw.get("events") or [], at)
    # Every field, in order (id, text, matters, place, reported_by, channel, at, urgent, ongoing,
    # suspected_crime, events, notes): the record's fast path.
    return Case(case_id, text, matters, place, reported_by, channel, at, _bool(raw, "urgent"),
                _bool(raw, "ongoing"), _bool(raw, "suspected_crime"), events, tuple(notes), event_at)


def _events(raw: Any, found: datetime) -> tuple[tuple[str, ...], tuple[tuple[str, datetime], ...]]:
    """`events`: names (a list, or text separated by commas), or {kind, at} mappings, mixed.
    An event's own time may not be before the case was found."""
    if isinstance(raw, str):
        raw = [e for e in re.split(r"[,，、\s]+", raw) if e]
    shape = ("事件（events）应为事件名称的列表，或 {kind: 事件, at: 时间} 的列表，"
             "如 [\"notified_refused\"] 或 [{kind: notified_refused, at: \"2026-04-16T09:00\"}]"
             "（文本中也可写成 notified_refused@2026-04-16T09:00）")
    if not isinstance(raw, list):
        raise InputError(f"{shape}；实际为 {raw!r}", field="events")
    names: list[str] = []
    times: list[tuple[str, datetime]] = []
    for item in raw:
        when_text: Any = None
        if isinstance(item, dict):
            if set(item) - {"kind", "at"} or not isinstance(item.get("kind"), str):
                raise InputError(f"{shape}；实际为 {item!r}", field="events")
            kind, when_text = item["kind"], item.get("at")
        elif isinstance(item, str) and "@" in item:  # "kind@time", as typed on a command line
            kind, _, when_text = (part.strip() for part in item.partition("@"))
        elif isinstance(item, str):
            kind = item
        else:
            raise InputError(f"{shape}；实际为 {item!r}", field="events")
        if when_text not in (None, ""):
            when, _ = parse_at(when_text)
            if when < found:
                raise InputError(f"事件 {kind} 的时间 {when.isoformat(timespec='minutes')} 早于发现案件的时间"
                                 f" {found.isoformat(timespec='minutes')}（at）：请核对", field="events",
                                 value=when_text)
            if kind in EVENTS and kind not in dict(times):
                times.append((kind, when))
        names.append(kind)
    bad = [e.encode("utf-8", "backslashreplace").decode() for e in names if e not in EVENTS]
    if bad:
        accepted = "；".join(f"{k}（{v}）" for k, v in EVENTS.items())
        raise InputError(f"未知的事件：{'、'.join(bad)}。可用：{accepted}", field="events", value=bad[0])
    return tuple(dict.fromkeys(names)), tuple(times)

"""Article text to draft policy actions: sentences, triggers, actors, places, dates and provisions.

A rule-based reader tuned on the evaluation set (`python -m policies evaluate`). For each sentence that
reports a government act it finds who acted (and so the acting jurisdiction and level), what kind of act,
when (see `dates`), which places it targets and, for binding acts, what it requires of whom. Mentions of the
same act across sentences are merged; each draft keeps the sentences it came from as evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from ..records import vocabulary
from . import lexicon
from .dates import DateMention, find_dates, is_action_date
from .places import FEDERAL, Mention, Place, find_places, state, state_names

PROVISION_WINDOW = 4  # sentences after a binding act that may still describe what it requires
# A period after these never ends a sentence ("Gov. Hale", "Oct. 6", "J. Smith").
_TITLE_ABBREVIATIONS = re.compile(
    r"\b(?:Gov|Sen|Rep|Lt|Gen|Col|Capt|Sgt|Dr|Mr|Mrs|Ms|St|Jr|Sr|No|Supt|Atty|Dept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec|vs|Inc|Co|Corp|(?<![A-Z]\.)[A-Z])\.$"
)
# A period after a place abbreviation ends a sentence after "City, ST." or before a usual sentence opener
# ("... in Charlotte, N.C. A day after ...", but "U.S. District Judge").
_PLACE_ABBREVIATIONS = re.compile(
    r"\b(?:Ill|Calif|Mass|Wash|Ore|Colo|Ariz|Fla|Minn|Mich|Wis|Tenn|Penn|Conn|Ky|La|Md|Mo|Neb|Nev|Okla|Va|Vt|Ala|"
    r"Ark|Del|Ga|Ind|Kan|Miss|Mont|Wyo|etc|U\.S|D\.C|N\.[CYJHM]|S\.[CD]|W\.Va|R\.I|N\.D)\.$"
)
_OPENERS = re.compile(
    r"(?:A|An|The|In|On|At|But|And|He|She|It|They|We|This|That|Federal|State|City|County|After|Before|Since|"
    r"Last|Earlier|Officials|Under|Some|Many|Critics|Supporters)\b"
)


@dataclass
class Sentence:
    index: int
    start: int
    text: str
    paragraph: int
    dates: list[DateMention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)


@dataclass
class Actor:
    text: str
    level: str
    role: str
    place: Place | None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class When:
    """The date chosen for an act; `anchor` is set when it is "N days after" another act not yet dated."""

    date: dt.date | None = None
    precision: str = "day"
    text: str | None = None
    anchor: tuple[int, frozenset[str]] | None = None  # (days to add, words naming the other act)


@dataclass(frozen=True)
class Trigger:
    """Words in a sentence that report an act: its type, lifecycle event, and where the words are."""

    kind: str
    event: str
    start: int
    end: int


@dataclass
class Provision:
    text: str
    applies_to: str
    requirement: str
    topics: list[str]
    evidence: str


@dataclass
class Draft:
    action_type: str
    event: str
    actor: Actor
    places: list[Place]
    date: dt.date | None
    date_precision: str
    date_text: str | None
    topics: list[str]
    evidence: list[str]
    provisions: list[Provision] = field(default_factory=list)
    sentence: int = 0
    anchor: tuple[int, frozenset[str]] | None = None

    @property
    def jurisdiction(self) -> Place:
        """The acting government; one the article does not identify keeps its level and a placeholder id."""
        if self.actor.place:
            return self.actor.place
        if self.actor.level == "federal":
            return FEDERAL
        return Place(f"unidentified-{self.actor.level}", f"Unidentified {self.actor.level}", self.actor.level)


@dataclass
class Context:
    """What the article has said so far: who is who, and its main places."""

    published: dt.date | None
    people: dict[str, Actor] = field(default_factory=dict)  # surname -> actor
    last_by_role: dict[str, Actor] = field(default_factory=dict)
    main: dict[str, Place] = field(default_factory=dict)  # level -> most named place of that level
    last_date: dt.date | None = None
    drafts: list[Draft] = field(default_factory=list)  # found so far


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    sentences: list[Sentence] = []
    pos = offset
    for para_no, paragraph in enumerate(text[offset:].split("\n")):
        start = 0
        for match in re.finditer(r"[.!?][\"”’')]*\s+(?=[\"“‘(<\[]?[A-Z0-9<])", paragraph):
            head = paragraph[start : match.start() + 1]
            if _TITLE_ABBREVIATIONS.search(head):
                continue
            after_city = re.search(r",\s+\S+$", head)  # "Denver, Colo." closes its phrase
            if _PLACE_ABBREVIATIONS.search(head) and not (after_city or _OPENERS.match(paragraph, match.end())):
                continue
            _add(sentences, paragraph, start, match.end(), pos, para_no)
            start = match.end()
        _add(sentences, paragraph, start, len(paragraph), pos, para_no)
        pos += len(paragraph) + 1
    return sentences


def _add(out: list[Sentence], paragraph: str, start: int, end: int, pos: int, para_no: int) -> None:
    text = paragraph[start:end].strip()
    if len(text) > 2:
        out.append(
            Sentence(
                len(out), pos + start + (len(paragraph[start:end]) - len(paragraph[start:end].lstrip())), text, para_no
            )
        )


def extract_actions(text: str, published: dt.date | None, body_start: int = 0) -> list[Draft]:
    sentences = split_sentences(text, body_start)
    ctx = Context(published)
    for s in sentences:
        s.dates = find_dates(s.text, published)
    _main_places(sentences, ctx)
    drafts: list[Draft] = []
    pending: dict[str, tuple[Sentence, When]] = {}
    for s in sentences:
        actors = _actors(s, ctx)
        for candidates in _triggers(s.text):
            trigger, new = candidates[0], []
            for trigger in candidates:
                new = _drafts(s, trigger, actors, ctx)
                if new:
                    break
            if not new:  # "... announced on Sunday" with its subject cut off: the date may serve the next mention
                pending[trigger.kind] = (s, _date_for(s, trigger, ctx))
            for draft in new:
                earlier, when = pending.pop(draft.action_type, (None, When()))
                if draft.date_text is None and when.text and earlier and s.index - earlier.index <= 2:
                    draft.date, draft.date_precision, draft.date_text = when.date, when.precision, when.text
                    draft.evidence.insert(0, earlier.text)
            drafts += new
            ctx.drafts = drafts
        for mention in s.dates:
            if mention.date and is_action_date(s.text, mention):
                ctx.last_date = mention.date
    merged = _merge(drafts)
    _resolve_anchors(merged)
    for draft in merged:
        if draft.action_type in vocabulary.current().binding:
            draft.provisions = _provisions(draft, sentences, merged)
        draft.topics = _topics(draft)
    return merged


# --- who and where ------------------------------------------------------------------------------


def _main_places(sentences: list[Sentence], ctx: Context) -> None:
    counts: dict[str, Counter] = {"city": Counter(), "county": Counter(), "state": Counter()}
    by_id: dict[str, Place] = {}
    for s in sentences:
        s.places = find_places(s.text)
    states = Counter(m.place.state for s in sentences for m in s.places if m.place.state)
    default_state = states.most_common(1)[0][0] if states else None
    for s in sentences:
        if default_state and "County" in s.text:  # only a county name can read differently with a state
            s.places = find_places(s.text, default_state)
        for m in s.places:
            if m.place.level in counts:
                counts[m.place.level][m.place.id] += 1
                by_id[m.place.id] = m.place
    for level, counter in counts.items():
        if counter:
            ctx.main[level] = by_id[counter.most_common(1)[0][0]]
    if "state" not in ctx.main:
        anchor = ctx.main.get("city") or ctx.main.get("county")
        if anchor and anchor.state and anchor.state != "DC":
            ctx.main["state"] = state(anchor.state)


def _actors(s: Sentence, ctx: Context) -> list[Actor]:
    """Government actors named in the sentence, with their jurisdictions; remembers people by surname."""
    found: list[Actor] = []
    claimed: list[tuple[int, int]] = []
    for level, role, pattern in lexicon.GOVERNMENT_ACTORS:
        for match in pattern.finditer(s.text):
            if any(a < match.end() and match.start() < b for a, b in claimed):
                continue
            claimed.append(match.span())
            text = match.group(0).strip()
            actor = _known_person(text, ctx) or Actor(_with_place(s, match.start(), text), level, role, None)
            actor.start, actor.end = match.span()
            if actor.place is None:
                actor.place = _place_of(actor, s, match.span(), ctx)
            if actor.role == "judge" and text.startswith(("Judge", "District Judge")):
                actor.level, actor.place = _court_level(s.text[match.end() : match.end() + 70], ctx)
            if actor.role == "mayor" and actor.place and actor.place.level == "county":
                actor.level = "county"  # "Orange County Mayor": some counties have mayors
            found.append(actor)
    # Bare surnames of people introduced earlier ("Ruiz signed ...").
    for surname, person in ctx.people.items():
        for match in re.finditer(rf"\b{re.escape(surname)}\b", s.text):
            if not any(a <= match.start() < b for a, b in claimed):
                found.append(Actor(person.text, person.level, person.role, person.place, *match.span()))
    for actor in found:
        _remember(actor, ctx)
    return sorted(found, key=lambda a: a.start)


def _court_level(after: str, ctx: Context) -> tuple[str, Place]:
    """ "Judge X of the Lancaster County District Court" sits on a state court; a plain "Judge X" on a federal one."""
    if re.search(r"\b(?:County|Superior|Circuit\s+Court\s+of|state|Supreme\s+Court\s+of)\b", after) and not re.search(
        r"U\.S\.|federal", after
    ):
        home = ctx.main.get("state")
        if home:
            return "state", home
    return "federal", FEDERAL


def _with_place(s: Sentence, start: int, text: str) -> str:
    """ "Mayor Brandon Johnson" named as "Chicago Mayor Brandon Johnson" keeps the place in the actor's name."""
    before = next((m for m in s.places if 0 <= start - m.end <= 1), None)
    return f"{s.text[before.start : start]}{text}" if before and not text.lower().startswith("the ") else text


def _known_person(text: str, ctx: Context) -> Actor | None:
    words = text.split()
    if len(words) >= 2 and words[-1][0].isupper() and words[-1] in ctx.people:
        known = ctx.people[words[-1]]
        return Actor(known.text, known.level, known.role, known.place)
    return None


def _remember(actor: Actor, ctx: Context) -> None:
    words = actor.text.split()
    named = (
        len(words) >= 2
        and words[-1][:1].isupper()
        and not re.search(r"\b(?:of|Department|Court|Council|Office)\b", actor.text)
    )
    if named and actor.role in lexicon.PERSON_ROLES:
        ctx.people.setdefault(words[-1], actor)
    ctx.last_by_role[actor.role] = actor


def _place_of(actor: Actor, s: Sentence, span: tuple[int, int], ctx: Context) -> Place | None:
    if actor.level == "federal":
        return FEDERAL
    levels = _LEVELS_FOR[actor.level] | ({"county"} if actor.role == "mayor" else set())  # "Orange County Mayor"
    near = [m for m in s.places if m.place.level in levels and _close(m, span)]
    if near:
        best = min(near, key=lambda m: min(abs(m.end - span[0]), abs(m.start - span[1])))
        return _lift(best.place, actor.level)
    if actor.role in ctx.last_by_role and ctx.last_by_role[actor.role].place and actor.text.lower().startswith("the "):
        return ctx.last_by_role[actor.role].place
    main = ctx.main.get(actor.level)
    return main


_LEVELS_FOR = {"city": {"city"}, "county": {"county"}, "state": {"state", "city", "county"}}


def _close(m: Mention, span: tuple[int, int]) -> bool:
    """A place right before the actor ("Chicago Mayor"), inside it, or right after ("of Denver")."""
    return (0 <= span[0] - m.end <= 3) or (span[0] <= m.start and m.end <= span[1]) or (0 <= m.start - span[1] <= 12)


def _lift(place: Place, level: str) -> Place:
    if level == "state" and place.level != "state" and place.state and place.state != "DC":
        return state(place.state)
    return place


def _subjects(s: Sentence, trigger: Trigger, actors: list[Actor], ctx: Context) -> list[Actor]:
    """The government actors who did the act: the one right before a verb inside the trigger ("an order that
    Gov. X signed"), else the nearest before it (with any joined to it by "and"), else a passive "by ...",
    else the speaker of a quote, else a pronoun opening the clause."""
    pos = trigger.start
    inside = [a for a in actors if pos <= a.start and a.end < trigger.end and _DOER_VERB.match(s.text, a.end)]
    if inside:
        return [inside[-1]]
    clause_start = max(s.text.rfind(sep, 0, pos) for sep in (";", " — ", ". "))
    before = [a for a in actors if clause_start <= a.start < pos] or [a for a in actors if a.start < pos]
    non_gov = [m.start() for m in lexicon.NON_GOVERNMENT.finditer(s.text[:pos])]
    if before:
        actor = before[-1]
        if non_gov and non_gov[-1] > actor.end and not _quoted(s.text, non_gov[-1]):
            return []
        if re.search(r",\s*$", s.text[:pos]) and re.match(r"\w+ing\b", s.text[pos:]):
            return [_named(before, before[0])]  # "Trump criticized X, warning Y ...": the sentence's subject acts
        return _with_conjoined(s.text, before, actor)
    if non_gov and not _quoted(s.text, non_gov[-1]):
        return []
    later = [a for a in actors if a.start >= pos]
    by = re.search(r"\bby\s+", s.text[pos:])
    if by and later and later[0].start >= pos + by.start():
        return [later[0]]
    speaker = re.search(r"[”\"]\s*,?\s*(?:\w+\s+){0,2}(?:said|says|told|added)\b", s.text[pos:])
    if speaker and later:
        return [later[0]]
    opening = _OPENING_PRONOUN.search(s.text[max(clause_start, 0) : pos])
    if opening:
        word = opening.group(1).lower()
        for role in _ROLE_WORDS.get(word.split()[-1], ()):
            if role in ctx.last_by_role:
                return [ctx.last_by_role[role]]
        if word in ("he", "she", "they") and ctx.people:
            return [list(ctx.people.values())[-1]]
    return []


_DOER_VERB = re.compile(
    r"(?:'s)?(?:\s+[\w-]+){0,3}?\s+(?:had\s+|has\s+)?"
    r"(?:signed|issued|sent|filed|adopted|passed|approved|enacted|released|asked|requested|directed|told|ordered|instructed|launched)\b"
)
# A pronoun doing the act opens its clause ("He signed ...", "..., she said as she signed"), never follows a name.
_OPENING_PRONOUN = re.compile(
    r"(?:^|[,;:]\s+|[”\"]\s*,?\s*|\b(?:as|when|after|before|and)\s+)"
    r"(he|she|they|it|the\s+(?:mayor|governor|judge|department|agency|council|city|state))\b(?![^,;]*\b[A-Z][a-z]+\s+[A-Z][a-z]+)",
    re.I,
)


_JOINED = re.compile(r"(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?,?\s*(?:and|,)?\s*")


def _with_conjoined(text: str, before: list[Actor], actor: Actor) -> list[Actor]:
    out = [_named(before, actor)]
    i = before.index(actor)
    while i > 0 and _JOINED.fullmatch(text[before[i - 1].end : before[i].start]):
        i -= 1
        out.insert(0, before[i])
    return [
        a for j, a in enumerate(out) if a.place is None or a.place.id not in {b.place.id for b in out[:j] if b.place}
    ]


def _named(before: list[Actor], actor: Actor) -> Actor:
    """Prefer "Secretary Kristi Noem" over a later generic "the federal government" of the same level."""
    if actor.text[:1].isupper():
        return actor
    named = [a for a in before if a.level == actor.level and a.text[:1].isupper() and len(a.text.split()) > 1]
    return named[-1] if named else actor


_ROLE_WORDS = {
    "mayor": ("mayor",),
    "governor": ("governor",),
    "judge": ("judge",),
    "department": ("agency", "police"),
    "agency": ("agency",),
    "council": ("council",),
    "city": ("city", "mayor"),
    "state": ("governor", "legislature"),
    "he": (),
    "she": (),
    "they": (),
    "it": (),
}


def _quoted(text: str, pos: int) -> bool:
    return text[:pos].count("“") > text[:pos].count("”") or text[:pos].count('"') % 2 == 1


# --- what and when --------------------------------------------------------------------------------


def _triggers(text: str) -> list[list[Trigger]]:
    """Per action type found, its candidate phrasings in order (the caller takes the first that names an actor).

    An announcement yields to a specific type, and an act only promised ("will sign an order") is the
    announcement of a plan.
    """
    found: dict[str, list[Trigger]] = {}
    attributed = bool(lexicon.ATTRIBUTION.search(text))
    text = masked(text)
    for kind, event, pattern in lexicon.TRIGGERS:
        match = pattern.search(text)
        if match is None or _hedged(text, match.end()):
            continue
        inside_quote = _quoted(text, match.start()) and _quoted(text, match.end() - 1)
        if inside_quote and not (kind in lexicon.SPEECH_TYPES and attributed):
            continue
        if kind != "announcement" and lexicon.FUTURE.search(text[: match.start()]):
            kind, event = lexicon.AS_PLANNED[kind], ("threatened" if kind in ("lawsuit", "deployment") else "announced")
        found.setdefault(kind, []).append(Trigger(kind, event, match.start(), match.end()))
    if "announcement" in found and found.keys() & lexicon.SPECIFIC_OVER_ANNOUNCEMENT:
        del found["announcement"]
    if "agency-directive" in found and found.keys() & {"executive-order", "law", "court-order"}:
        del found["agency-directive"]  # "signed the order, ... guidance": one act, the order
    if "court-order" in found and "lawsuit" in found and all(t.event != "filed" for t in found["lawsuit"]):
        del found["lawsuit"]
    return sorted((sorted(c, key=lambda t: t.start) for c in found.values()), key=lambda c: c[0].start)


def masked(text: str) -> str:
    """The text with abbreviation periods replaced by a same-width mark, so clause patterns read "Gov. Hale"."""
    return lexicon.ABBREVIATION_PERIOD.sub("\\1\u2024", text)


def _hedged(text: str, trigger_end: int) -> bool:
    """A proposal, a demand by others, a conditional: hedging words in the clause up to the trigger."""
    clause_start = max(text.rfind(sep, 0, trigger_end) for sep in (";", " — ", ": "))
    return bool(lexicon.NOT_AN_ACTION.search(text[clause_start + 1 : trigger_end + 20]))


def _drafts(s: Sentence, trigger: Trigger, actors: list[Actor], ctx: Context) -> list[Draft]:
    """One draft per acting government ("Johnson and Pritzker plan to sue" is two)."""
    kind = trigger.kind
    subjects = _subjects(s, trigger, actors, ctx)
    if kind == "court-order" and not any(a.role == "judge" for a in subjects):
        subjects = [a for a in actors if a.role == "judge"][:1]
    if kind != "court-order":
        subjects = [a for a in subjects if a.role != "judge"]
    if kind in lexicon.ACTING_LEVELS:
        subjects = [a for a in subjects if a.level in lexicon.ACTING_LEVELS[kind]]
    subjects = [a for a in subjects if a.role not in lexicon.NOT_ACTING_ROLES.get(kind, ())]
    if not subjects and not lexicon.NON_GOVERNMENT.search(s.text[: trigger.start]):
        subjects = _implied_actor(s, trigger, ctx)
    if kind == "announcement" and _REFERS_BACK.search(s.text):
        done = {d.jurisdiction.id for d in ctx.drafts if d.action_type != "announcement"}
        subjects = [a for a in subjects if (a.place or FEDERAL).id not in done]  # "announcing the order" it signed
    when = _date_for(s, trigger, ctx)
    return [
        Draft(
            kind,
            trigger.event,
            actor,
            _targets(s, actor, ctx),
            when.date,
            when.precision,
            when.text,
            [],
            [s.text],
            sentence=s.index,
            anchor=when.anchor,
        )
        for actor in subjects
    ]


_REFERS_BACK = re.compile(
    r"\b(?:the|its|his|her|that)\s+(?:executive\s+)?(?:order|ordinance|law|bill|memo|directive|ruling|suit|lawsuit|measure)\b",
    re.I,
)


def _date_for(s: Sentence, trigger: Trigger, ctx: Context) -> When:
    """The date nearest the act's words; for a plan or threat, the date it was stated (before its words)."""
    offsets = [m for m in s.dates if m.kind == "offset"]
    if offsets:
        when = _offset_date(s, offsets[0], trigger, ctx)
        if when:
            return when
    usable = [m for m in s.dates if m.kind != "offset" and is_action_date(s.text, m)]
    if trigger.event in ("threatened", "announced"):
        usable = [m for m in usable if m.start < trigger.start] or usable
    if not usable:
        unresolved = [m for m in s.dates if m.kind != "offset" and not m.resolved and not m.future]
        return When(None, unresolved[0].precision, unresolved[0].text) if unresolved else When()
    best = min(usable, key=lambda m: min(abs(m.start - trigger.start), abs(m.start - trigger.end)))
    return When(best.date, best.precision, best.text)


def _offset_date(s: Sentence, offset: DateMention, trigger: Trigger, ctx: Context) -> When | None:
    """ "A came a day after B": dates B from A when the act is B, or A from B when the act is A.

    The "after" clause runs to the next comma ("A day after the raid, the mayor signed ...") or to the end
    ("Her comments came a day after the mayor signed ...").
    """
    comma = s.text.find(", ", offset.end)
    clause_end = comma if comma > 0 else len(s.text)
    words = " ".join(s.text[offset.end : clause_end].split()[:6])
    main = s.text[: offset.start] + " " * (clause_end - offset.start) + s.text[clause_end:]
    if offset.end <= trigger.start < clause_end:  # the act is B: count back from A
        stated = [
            m for m in s.dates if m.resolved and not offset.start <= m.start < clause_end and is_action_date(s.text, m)
        ]
        if stated:
            base = stated[0].date
        elif not _triggers(main.strip()):
            base = ctx.last_date  # "Her comments came ...": A is what the article last dated
        else:
            return When(None, "day", None)
        return When(base - dt.timedelta(days=offset.offset), "day", offset.text) if base else None
    inside = [m.date for m in s.dates if m.resolved and m.date and offset.end <= m.start < clause_end]
    if inside:
        return When(inside[0] + dt.timedelta(days=offset.offset), "day", offset.text)
    anchor_words = frozenset(w.lower() for w in re.findall(r"[A-Za-z]{4,}", words))
    return When(None, "day", f"{offset.text} {words}".strip(), anchor=(offset.offset, anchor_words))


def _resolve_anchors(drafts: list[Draft]) -> None:
    """Date "two days after the President's order" from the act that phrase names, once all acts are known."""
    for draft in drafts:
        if draft.date or not draft.anchor:
            continue
        days, words = draft.anchor
        best, best_score = None, 0
        for other in drafts:
            if other is draft or other.date is None:
                continue
            actor_words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", other.actor.text)}
            text_words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", " ".join(other.evidence))}
            score = 2 * len(words & actor_words) + len(words & text_words)
            if score > best_score:
                best, best_score = other, score
        if best is not None and best.date is not None:
            draft.date, draft.date_precision = best.date + dt.timedelta(days=days), "day"


def _implied_actor(s: Sentence, trigger: Trigger, ctx: Context) -> list[Actor]:
    """Passive acts that name no one: an ordinance is a council's, a state's Guard is its governor's."""
    words = s.text[trigger.start : trigger.end]
    if trigger.kind == "law" and re.search(r"\bordinance\b", words, re.I):
        place = ctx.main.get("city") or ctx.main.get("county")
        if place:
            return [
                Actor(
                    f"{place.name.split(',')[0]} {'City Council' if place.level == 'city' else 'County Board'}",
                    place.level,
                    "council",
                    place,
                )
            ]
    if trigger.kind == "deployment":
        guard = re.search(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+National\s+Guard\b", s.text)
        if guard and guard[1] in state_names() and not re.search(r"federaliz|federal\s+service", s.text, re.I):
            home = state(state_names()[guard[1]])
            return [Actor(f"Governor of {home.name}", "state", "governor", home)]
    return []


def _targets(s: Sentence, actor: Actor, ctx: Context) -> list[Place]:
    own = actor.place or FEDERAL
    named = [m.place for m in s.places if m.place.id != own.id or own.level != "federal"]
    places: list[Place] = []
    for place in named or (
        [own] if own.level != "federal" else [p for p in (ctx.main.get("city"), ctx.main.get("state")) if p][:1]
    ):
        if place.id not in {p.id for p in places}:
            places.append(place)
    return places


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One draft per act: same type and acting government, and no conflicting dates."""
    out: list[Draft] = []
    for draft in drafts:
        twin = next((d for d in out if _same_act(d, draft)), None)
        if twin is None:
            out.append(draft)
            continue
        if twin.date is None and draft.date is not None:
            twin.date, twin.date_precision, twin.date_text = draft.date, draft.date_precision, draft.date_text
        twin.evidence += [e for e in draft.evidence if e not in twin.evidence]
        twin.places += [p for p in draft.places if p.id not in {q.id for q in twin.places}]
    return out


def _same_act(a: Draft, b: Draft) -> bool:
    if a.action_type != b.action_type or a.jurisdiction.id != b.jurisdiction.id:
        return False
    if _person(a.actor) and _person(b.actor) and _person(a.actor) != _person(b.actor):
        return False  # Noem's announcement and Trump's warning are two acts of the same government
    if a.date and b.date:
        return a.date == b.date
    return True


def _person(actor: Actor) -> str | None:
    """The surname of a named official, or None for an office or body ("the governor", "DHS")."""
    words = actor.text.split()
    if actor.role in lexicon.PERSON_ROLES and len(words) >= 2 and words[-1][:1].isupper() and not words[0].islower():
        return words[-1]
    return None


# --- what it requires ---------------------------------------------------------------------------


def _provisions(draft: Draft, sentences: list[Sentence], drafts: list[Draft]) -> list[Provision]:
    starts = sorted({d.sentence for d in drafts if d is not draft and d.sentence > draft.sentence})
    stop = min([draft.sentence + PROVISION_WINDOW + 1] + starts)
    window = [s for s in sentences if draft.sentence <= s.index < stop]
    out: list[Provision] = []
    last_who = ""
    for s in window:
        for kind, who, clause in _requirements(s.text):  # clause and who are verbatim: masking keeps offsets
            if who.lower() in lexicon.PRONOUNS:
                who = last_who or who
            if lexicon.ACT_NOUNS.match(who) or not who:
                continue
            last_who = who
            topics = [t for t, p in lexicon.TOPICS.items() if p.search(clause)]
            out.append(Provision(clause, who, kind, topics, s.text))
    return out


def _requirements(sentence: str) -> list[tuple[str, str, str]]:
    """(requirement, who, clause) for each deontic verb in the sentence, in order."""
    hits: list[tuple[int, int, str, str]] = []
    readable = masked(sentence)
    for kind, pattern in lexicon.REQUIREMENTS:
        for match in pattern.finditer(readable):
            who = _clean_who(sentence[match.start("who") : match.end("who")])
            start = (
                match.start("who")
                if match.start() == match.start("who") or sentence[match.start()] in ",;"
                else match.start()
            )
            if any(s <= match.start() < e for s, e, _, _ in hits) or not who:
                continue
            hits.append((start, match.end(), kind, who))
    hits.sort()
    out = []
    for i, (start, _end, kind, who) in enumerate(hits):
        end = hits[i + 1][0] if i + 1 < len(hits) else len(sentence)
        clause = sentence[start:end].strip(" ,;.").removesuffix(" and").strip()
        out.append((kind, who, clause))
    return out


def _clean_who(who: str) -> str:
    who = re.sub(
        r"^(?:also|further|and|that|which|under\s+the\s+\w+|the\s+(?:order|law|bill|ruling)\s+also)\s+",
        "",
        who.strip(),
        flags=re.I,
    )
    who = re.sub(r"^(?:the|all|any)\s+", "", who, flags=re.I).strip()
    if len(who.split()) > 9 or re.search(r"\b(?:said|says|told)\b", who):
        return ""
    return who


def _topics(draft: Draft) -> list[str]:
    text = " ".join(draft.evidence + [p.text for p in draft.provisions])
    topics = list(vocabulary.current().type_topics.get(draft.action_type, ()))
    topics += [t for t, pattern in lexicon.TOPICS.items() if pattern.search(text) and t not in topics]
    for p in draft.provisions:
        topics += [t for t in p.topics if t not in topics]
    return topics

"""Case studies with their model answers, and trainer notes.

A case (`/// case | Title`) holds a model answer (`/// answer` inside it): what an
experienced practitioner would do, and why, so that someone studying alone can try first and
then check their reasoning. A trainer note (`/// trainer`) is for facilitators only: never
shown to learners, kept here for the trainers' material.
"""
from __future__ import annotations

from dataclasses import dataclass

from .blocks import Shown, TextBlock
from .problems import ContentProblem, Problems

CASE, ANSWER, TRAINER = "case", "answer", "trainer"


@dataclass(frozen=True)
class ModelAnswer:
    text: str  # Markdown
    line: int


@dataclass(frozen=True)
class Case:
    title: str
    text: str  # the story and questions, Markdown, without the model answer
    line: int
    model_answer: ModelAnswer | None = None
    # The audiences whose passage holds the case (None: every reader sees it).
    audiences: frozenset[str] | None = None


@dataclass(frozen=True)
class TrainerNote:
    text: str  # Markdown
    line: int
    audiences: frozenset[str] | None = None


def _audiences(block: TextBlock) -> frozenset[str] | None:
    passages = [frozenset(p.argument.split()) for p in block.parents if p.name == "audience"]
    return frozenset.intersection(*passages) if passages else None


def _dedented(block: TextBlock) -> str:
    return "\n".join(block.content).strip()


def cases_in(blocks: list[TextBlock], file: str, problems: Problems) -> list[Case]:
    """The text's cases with their model answers; an answer outside a case, or a second
    answer in one case, is an error."""
    answers: dict[int, list[TextBlock]] = {}
    for block in blocks:
        if block.name != ANSWER:
            continue
        case = block.parents[-1] if block.parents else None
        if case is None or case.name != CASE:
            problems.add(file, block.line, "a model answer ('/// answer') belongs inside a "
                         "case study: put it before the '///' that closes the '/// case' block.")
            continue
        answers.setdefault(id(case), []).append(block)
    found = []
    for block in blocks:
        if block.name != CASE:
            continue
        own = answers.get(id(block), [])
        for extra in own[1:]:
            problems.add(file, extra.line, "this case study already has a model answer (line "
                         f"{own[0].line}): write one '/// answer' per case.")
        answer = ModelAnswer(_dedented(own[0]), own[0].line) if own else None
        if answer is not None and not answer.text:
            problems.add(file, answer.line, "this model answer is empty: write what an "
                         "experienced practitioner would do, and why.")
        found.append(Case(block.argument, _dedented(block), block.line, answer,
                          _audiences(block)))
    return found


def trainer_notes_in(blocks: list[TextBlock], file: str, problems: Problems) -> list[TrainerNote]:
    notes = []
    for block in blocks:
        if block.name != TRAINER:
            continue
        if any(p.name in ("quiz", ANSWER) for p in block.parents):
            problems.add(file, block.line, "a trainer note cannot sit inside a question or a "
                         "model answer: put it between paragraphs of the module.")
            continue
        text = _dedented(block)
        if not text:
            problems.add(file, block.line, "this trainer note is empty: write the note for "
                         "facilitators, or remove the block.")
        notes.append(TrainerNote(text, block.line, _audiences(block)))
    return notes


def shown(blocks: list[TextBlock], cases: list[Case], notes: list[TrainerNote]) -> list[Shown]:
    """The cases and trainer notes as their page shows them (see blocks.Shown): a trainer
    note has no argument, it is known by its place (None: invalid, reported)."""
    by_line = {note.line: note for note in notes}
    return [*(Shown(CASE, c.line, c.title, c) for c in cases),
            *(Shown(TRAINER, b.line, "", by_line.get(b.line)) for b in blocks
              if b.name == TRAINER)]


def check_translated(cases: list[Case], notes: list[TrainerNote], english_cases: list[Case],
                     english_notes: list[TrainerNote], file: str, english_file: str,
                     problems: Problems) -> None:
    """A translation carries the same case studies, model answers and trainer notes."""
    if len(cases) != len(english_cases):
        problems.add(file, None, f"this translation has {len(cases)} case stud"
                     f"{'y' if len(cases) == 1 else 'ies'}, the English file {english_file} "
                     f"has {len(english_cases)}: translate every '/// case' block, in the same "
                     "order.")
    else:
        for case, english in zip(cases, english_cases):
            if english.model_answer and not case.model_answer:
                problems.add(file, case.line, "this case study has no model answer, but the "
                             f"English one has ({english_file}:{english.model_answer.line}): "
                             "translate its '/// answer' block.")
            elif case.model_answer and not english.model_answer:
                problems.add(file, case.model_answer.line, "this model answer is not in the "
                             f"English case study ({english_file}:{english.line}): add it "
                             "there first, or remove it here.")
    if len(notes) != len(english_notes):
        problems.add(file, None, f"this translation has {len(notes)} trainer note(s), the "
                     f"English file {english_file} has {len(english_notes)}: translate every "
                     "'/// trainer' block, in the same order.")


def missing_model_answer(case: Case, file: str) -> ContentProblem:
    """A warning, not an error: the case still teaches, learners just cannot check
    themselves. (A strict build fails on warnings too, as MkDocs does for any warning.)"""
    return ContentProblem(file, case.line, f"the case study '{case.title}' has no model "
                          "answer: add a '/// answer' block at its end saying what an "
                          "experienced practitioner would do, and why.")

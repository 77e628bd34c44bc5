"""The shipped decision exercises: one at least per audience, in every language, each with
real decisions and both a harmful and a good end."""
from tests.conftest import LANGUAGES


def test_every_audience_has_a_decision_exercise_worth_playing_in_every_language(curriculum):
    for course in curriculum.courses:
        for language in LANGUAGES:
            exercises = [d for m in course.modules if m.is_translated(language)
                         for d in m.decisions_for(course.id, language)]
            assert exercises, f"no decision exercise for {course.id} in {language}"
            for exercise in exercises:
                ends = {node.end for node in exercise.nodes if node.end}
                assert {"harmful", "good"} <= ends, (course.id, language, exercise.title)
                assert exercise.decision_points() >= 3, (course.id, language, exercise.title)

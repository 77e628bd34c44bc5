"""Text in plain words (tooltips, decision steps, platform question banks) marks what the
pages mark: an unverified number and a {?fact?} say they are to be validated."""
from elearning.domain.plain_words import Notes, in_plain_words
from tests.domain.test_contacts import CONTACTS

NOTES = Notes(to_confirm="number to be confirmed", to_validate="to be validated")


def test_references_become_name_and_number():
    text = "Call {{number:hotline-mia}} or {{ contact:hotline-mia }}."
    assert in_plain_words(text, CONTACTS, "ru", NOTES) == "Call 152 or Горячая линия: 152."


def test_a_contact_with_no_number_says_it_is_to_be_confirmed():
    text = "Ask {{contact:guardianship-body}}; {{number:guardianship-body}}."
    assert in_plain_words(text, CONTACTS, "en", NOTES) == (
        "Ask Guardianship body (number to be confirmed); (number to be confirmed).")


def test_an_unverified_number_says_it_is_to_be_validated_in_both_forms():
    text = "{{contact:iom-azerbaijan}} / {{number:iom-azerbaijan}}"
    assert in_plain_words(text, CONTACTS, "en", NOTES) == (
        "IOM: +994 12 465 90 71 (to be validated) / +994 12 465 90 71 (to be validated)")


def test_a_fact_to_validate_keeps_its_words_and_gets_the_note_even_across_lines():
    text = "Up to {?8 years\n  of prison?} under {?Article 144-1?}."
    assert in_plain_words(text, CONTACTS, "en", NOTES) == (
        "Up to 8 years of prison (to be validated) under Article 144-1 (to be validated).")


def test_an_unknown_contact_is_left_as_written_for_the_loader_to_report():
    assert in_plain_words("{{contact:nobody}}", CONTACTS, "en", NOTES) == "{{contact:nobody}}"

"""The demo survey on the chapter "Digitale Verwaltung": German, translated into English
through wagtail-localize (as a translator would), attached to the chapter, and a few hundred
generated answers in both languages so the results page has something to show.

Block ids come from the content's keys (uuid5), so a second run finds everything and adds
nothing. Generated answers are anonymous responses of invented sessions, dated in the 2022
participation phase; a fixed random seed makes them the same on every machine."""

import datetime
import random
import uuid

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from ..models import OTHER, Survey, SurveyAnswer, SurveyResponse, SurveyTally
from . import survey_content as content

NAMESPACE = uuid.UUID("5b0c1f3e-58a4-4c55-9d0e-6a6c8e1d2f00")


def block_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def questions(language: int) -> list[dict]:
    """The StreamField data in German (0) or English (1), ids included."""
    blocks = []
    for spec in content.QUESTIONS:
        value = {"question": spec["question"][language],
                 "help_text": spec.get("help_text", ("", ""))[language],
                 "required": spec.get("required", False)}
        if "options" in spec:
            value["options"] = [{"type": "item", "id": block_id(spec["key"], key),
                                 "value": texts[language]} for key, texts in spec["options"]]
        if spec["type"] in ("single_choice", "multiple_choice"):
            value["allow_other"] = "other_label" in spec
            value["other_label"] = spec.get("other_label", ("", ""))[language]
        if spec["type"] == "multiple_choice":
            value["max_choices"] = spec.get("max_choices")
        if spec["type"] == "scale":
            value.update(points=spec["points"], low_label=spec["low_label"][language],
                         high_label=spec["high_label"][language])
        blocks.append({"type": spec["type"], "id": block_id(spec["key"]), "value": value})
    return blocks


def english_strings() -> dict[str, str]:
    pairs = [content.TITLE, content.INTRO]
    for spec in content.QUESTIONS:
        pairs += [spec[name] for name in ("question", "help_text", "other_label", "low_label",
                                          "high_label") if name in spec]
        pairs += [texts for _key, texts in spec.get("options", [])]
    return dict(pairs)


def german_survey(log) -> Survey:
    german = Locale.objects.get(language_code="de")
    key = uuid.uuid5(NAMESPACE, "survey")
    survey = Survey.objects.filter(translation_key=key, locale=german).first()
    if survey is None:
        opens_at, closes_at = (timezone.make_aware(datetime.datetime.fromisoformat(day))
                               for day in content.OPEN)
        survey = Survey.objects.create(translation_key=key, locale=german,
                                       title=content.TITLE[0], intro=content.INTRO[0],
                                       questions=questions(0), allow_anonymous=True,
                                       opens_at=opens_at, closes_at=closes_at)
        log.add(f"demo survey: {survey.title}")
    return survey


def english_survey(survey: Survey, log) -> None:
    english = Locale.objects.filter(language_code="en").first()
    if english is None or survey.has_translation(english):
        return
    strings = english_strings()
    source, _created = TranslationSource.get_or_create_from_instance(survey)
    translation, _created = Translation.objects.get_or_create(source=source,
                                                              target_locale=english)
    for segment in source.stringsegment_set.select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=english, context=segment.context,
            defaults={"data": strings[segment.string.data]},
        )
    translation.save_target()
    log.add(f"demo survey in English: {content.TITLE[1]}")


def attach(page, survey: Survey, log) -> None:
    if survey.translation_key in page.participation_survey_keys:
        return
    page.participation_surveys = [*((b.block_type, b.value) for b in page.participation_surveys),
                                  ("survey", survey)]
    revision = page.save_revision()
    if page.live:
        revision.publish()
    for translated in page.get_translations().live():
        # the chooser is synchronised: the English chapter shows the same survey
        translated.participation_surveys = page.participation_surveys
        translated.save_revision().publish()
    log.add(f"demo survey on {page.title}")


def weighted(rng: random.Random, weights: list[int]) -> int:
    return rng.choices(range(len(weights)), weights=weights)[0]


def generated_rows(spec: dict, language: str, rng: random.Random) -> list[dict]:
    key = block_id(spec["key"])
    leaning = spec.get("leaning", {}).get(language)
    option_keys = [block_id(spec["key"], k) for k, _t in spec.get("options", [])]
    kind = spec["type"]
    if kind == "single_choice":
        index = weighted(rng, leaning)
        if index == len(option_keys):
            text = ("Wohngeld beantragen", "Applying for housing benefit")[language == "en"]
            return [{"question_key": key, "option_key": OTHER, "text": text}]
        return [{"question_key": key, "option_key": option_keys[index]}]
    if kind == "multiple_choice":
        chosen = {weighted(rng, leaning) for _n in range(spec.get("max_choices") or 2)}
        return [{"question_key": key, "option_key": option_keys[i]} for i in sorted(chosen)]
    if kind == "scale":
        return [{"question_key": key, "number": weighted(rng, leaning) + 1}]
    if kind == "ranking":
        if rng.random() < 0.2:
            return []  # optional: some leave it out
        order = sorted(range(len(option_keys)),
                       key=lambda i: -rng.random() * leaning[i])
        return [{"question_key": key, "option_key": option_keys[i], "rank": position}
                for position, i in enumerate(order, start=1)]
    if rng.random() < 0.25:
        return [{"question_key": key, "text": rng.choice(spec["answers"][language])}]
    return []


def generated_answers(survey: Survey, log) -> None:
    if SurveyResponse.objects.filter(survey_key=survey.translation_key).exists():
        return
    rng = random.Random(2022)
    start, end = (timezone.make_aware(datetime.datetime.fromisoformat(day))
                  for day in content.PHASE)
    span = (end - start).total_seconds()
    responses = []
    for language, number in content.RESPONSES.items():
        for index in range(number):
            when = start + datetime.timedelta(seconds=rng.random() * span)
            responses.append(SurveyResponse(
                survey_key=survey.translation_key, language=language,
                session_token=f"demo-{language}-{index}", created_at=when, updated_at=when))
    responses = SurveyResponse.objects.bulk_create(responses)
    answers = [
        SurveyAnswer(response=response, survey_key=survey.translation_key,
                     language=response.language, **row)
        for response in responses
        for spec in content.QUESTIONS
        for row in generated_rows(spec, response.language, rng)
    ]
    SurveyAnswer.objects.bulk_create(answers)
    SurveyTally.objects.rebuild(survey.translation_key)
    log.add(f"demo survey answers: {len(responses)} responses, {len(answers)} answers")


def load(page, log) -> None:
    with transaction.atomic():
        survey = german_survey(log)
        english_survey(survey, log)
        attach(page, survey, log)
        generated_answers(survey, log)

"""Surveys: a translatable snippet whose questions live in a StreamField, and the answers.

Questions and their options are keyed by their StreamField block ids (ListBlock item ids for
options). wagtail-localize copies those ids unchanged into every translation, so an answer
given on the German page and one given on the English page land on the same keys and count in
one result. Responses and answers hold the survey's ``translation_key``, never a row of one
language; results are GROUP BY queries on the answers (``SurveyAnswer.objects.tallies``)."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

OTHER = "other"  # the option key of "Other (please specify)": block ids never look like it
SHORT_TEXT_LENGTH = 200
LONG_TEXT_LENGTH = 5000


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=300)
    help_text = blocks.CharBlock(label=_("help text"), required=False, max_length=500)
    required = blocks.BooleanBlock(label=_("an answer is required"), required=False)


def option_list():
    return blocks.ListBlock(
        blocks.CharBlock(label=_("option"), max_length=200), label=_("options"), min_num=2,
        help_text=_("Each option keeps its identity in every language and through reordering. "
                    "Options that already have answers cannot be removed."),
    )


class ChoiceQuestionBlock(QuestionBlock):
    options = option_list()
    allow_other = blocks.BooleanBlock(label=_("offer “Other” with a text field"),
                                      required=False)
    other_label = blocks.CharBlock(label=_("label of “Other”"), required=False, max_length=100,
                                   help_text=_("Empty: “Other”."))

    class Meta:
        icon = "radio-full"


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    max_choices = blocks.IntegerBlock(label=_("at most this many options"), required=False,
                                      min_value=1, help_text=_("Empty: no limit."))

    class Meta:
        icon = "tasks"


class TextQuestionBlock(QuestionBlock):
    class Meta:
        icon = "pilcrow"


class ScaleQuestionBlock(QuestionBlock):
    points = blocks.IntegerBlock(label=_("points on the scale"), default=5, min_value=2,
                                 max_value=10)
    low_label = blocks.CharBlock(label=_("label of the lowest point"), max_length=100)
    high_label = blocks.CharBlock(label=_("label of the highest point"), max_length=100)

    class Meta:
        icon = "order"


class RankingQuestionBlock(QuestionBlock):
    options = option_list()

    class Meta:
        icon = "list-ol"


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = ChoiceQuestionBlock(label=_("Single choice"))
    multiple_choice = MultipleChoiceQuestionBlock(label=_("Multiple choice"))
    short_text = TextQuestionBlock(label=_("Short text"))
    long_text = TextQuestionBlock(label=_("Long text"))
    scale = ScaleQuestionBlock(label=_("Scale"))
    ranking = RankingQuestionBlock(label=_("Ranking"))


class ResultsVisibility(models.TextChoices):
    AFTER_ANSWERING = "after_answering", _("To those who answered, and to everyone after closing")
    AFTER_CLOSING = "after_closing", _("Only after the survey closed")


SYNCHRONIZED = ("allow_anonymous", "results_visibility", "opens_at", "closes_at")


class Survey(TranslatableMixin, models.Model):
    """Questions to citizens, attached to pages that host participation (in their
    participation settings). Translated with wagtail-localize like a page."""

    title = models.CharField(_("title"), max_length=255)
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"))
    allow_anonymous = models.BooleanField(
        _("allow anonymous answers"), default=False,
        help_text=_("Visitors without an account answer once per browser session; their answer "
                    "cannot be changed."),
    )
    results_visibility = models.CharField(
        _("results are shown"), max_length=20, choices=ResultsVisibility.choices,
        default=ResultsVisibility.AFTER_ANSWERING,
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True,
                                    help_text=_("Empty: when the page's participation opens."))
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True,
                                     help_text=_("Empty: when the page's participation closes."))

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("questions"),
        MultiFieldPanel([FieldPanel(name) for name in SYNCHRONIZED], heading=_("Answering")),
    ]
    override_translatable_fields = [SynchronizedField(name, overridable=False)
                                    for name in SYNCHRONIZED]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self):
        return self.title

    def source(self) -> "Survey":
        """The survey in the site's main language, whose settings and questions count."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        if "_source" not in self.__dict__:  # asked for by every rule of a request: look once
            self.__dict__["_source"] = (
                Survey.objects.filter(translation_key=self.translation_key,
                                      locale__language_code=settings.LANGUAGE_CODE).first()
                or self)
        return self.__dict__["_source"]


class ResponseQuerySet(models.QuerySet):
    def of_survey(self, survey_key):
        return self.filter(survey_key=survey_key)

    def participants_by_language(self, survey_key) -> dict[str, int]:
        rows = (self.of_survey(survey_key).values_list("language").annotate(n=Count("id"))
                .order_by())
        return dict(rows)


class SurveyResponse(models.Model):
    """One person's answers to one survey (in any of its languages)."""
    # Citizens' input links to nothing an editor needs to see the usage of; indexing each
    # save would queue a task per comment, support and answer.
    wagtail_reference_index_ignore = True


    survey_key = models.UUIDField(_("survey"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="survey_responses", verbose_name=_("citizen"),
    )
    # NULL for citizens' responses: the unique constraint treats NULLs as distinct
    session_token = models.CharField(  # noqa: DJ001
        _("anonymous session"), max_length=64, null=True, blank=True, editable=False,
        help_text=_("A random value kept in the visitor's session, not the session itself."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("answered"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), default=timezone.now)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(fields=["survey_key", "user"],
                                    name="participation_response_once_per_user"),
            models.UniqueConstraint(fields=["survey_key", "session_token"],
                                    name="participation_response_once_per_session"),
        ]

    def __str__(self):
        return f"{self.survey_key} #{self.pk}"

    @property
    def anonymous(self) -> bool:
        return self.session_token is not None


class AnswerQuerySet(models.QuerySet):
    def tallies(self, survey_key):
        """Answer rows counted per question, option, scale point and language (GROUP BY)."""
        return (self.filter(survey_key=survey_key)
                .values("question_key", "option_key", "number", "language")
                .annotate(n=Count("id"), rank_sum=Sum("rank")).order_by())

    def answered_by_question(self, survey_key):
        """How many responses answered each question, per language (GROUP BY)."""
        return (self.filter(survey_key=survey_key).values("question_key", "language")
                .annotate(n=Count("response_id", distinct=True)).order_by())


class SurveyAnswer(models.Model):
    """One answer to one question (for choices: one row per chosen option; for a ranking: one
    row per option with its position). ``survey_key`` and ``language`` repeat the response's so
    that results are a GROUP BY over one table."""
    # Citizens' input links to nothing an editor needs to see the usage of; indexing each
    # save would queue a task per comment, support and answer.
    wagtail_reference_index_ignore = True


    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE,
                                 related_name="answers", verbose_name=_("response"))
    survey_key = models.UUIDField(_("survey"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    question_key = models.CharField(_("question"), max_length=64)
    option_key = models.CharField(_("option"), max_length=64, blank=True)
    text = models.TextField(_("text"), blank=True, max_length=LONG_TEXT_LENGTH)
    number = models.SmallIntegerField(_("point on the scale"), null=True, blank=True)
    rank = models.SmallIntegerField(_("position"), null=True, blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        indexes = [
            # covers the tallies: PostgreSQL answers them from the index alone
            models.Index(fields=["survey_key", "question_key", "option_key", "number",
                                 "language", "rank"], name="participation_answer_tally"),
        ]

    def __str__(self):
        return f"{self.question_key}: {self.option_key or self.text[:30] or self.number}"


NO_NUMBER = 0  # a tally row of an option or of "answered": scale points start at 1


def tally_key(row) -> tuple:
    """The tally an answer row counts in: (question, option, scale point)."""
    return (row.question_key, row.option_key, row.number or NO_NUMBER)


class TallyQuerySet(models.QuerySet):
    def of_survey(self, survey_key):
        return (self.filter(survey_key=survey_key)
                .values("question_key", "option_key", "number", "language")
                .annotate(n=Sum("n"), rank_sum=Sum("rank_sum")).order_by())

    def add(self, survey_key, language: str, deltas: dict[tuple, tuple[int, int]]) -> None:
        """Adds (count, rank sum) to each (question, option, point) tally in one upsert; in
        a fixed order, so concurrent submits lock the rows in the same order."""
        from django.db import connection

        deltas = {key: value for key, value in deltas.items() if value != (0, 0)}
        if not deltas:
            return
        table = connection.ops.quote_name(self.model._meta.db_table)
        values, params = [], []
        for (question, option, number), (n, rank_sum) in sorted(deltas.items()):
            values.append("(%s, %s, %s, %s, %s, %s, %s)")
            params += [survey_key.hex if connection.vendor == "sqlite" else survey_key,
                       question, option, number, language, n, rank_sum]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (survey_key, question_key, option_key, number, language, "  # noqa: S608 (no user input in the statement: values are parameters)
                f"n, rank_sum) VALUES {', '.join(values)} ON CONFLICT (survey_key, question_key,"
                f" option_key, number, language) DO UPDATE SET n = {table}.n + EXCLUDED.n, "
                f"rank_sum = {table}.rank_sum + EXCLUDED.rank_sum", params)

    def rebuild(self, survey_key) -> None:
        """Recounts a survey's tallies from its answers (after bulk inserts: demo, bench)."""
        self.filter(survey_key=survey_key).delete()
        answers = SurveyAnswer.objects
        tallies = [
            SurveyTally(survey_key=survey_key, question_key=row["question_key"], option_key="",
                        number=NO_NUMBER, language=row["language"], n=row["n"])
            for row in answers.answered_by_question(survey_key)
        ]
        tallies += [
            SurveyTally(survey_key=survey_key, question_key=row["question_key"],
                        option_key=row["option_key"], number=row["number"] or NO_NUMBER,
                        language=row["language"], n=row["n"], rank_sum=row["rank_sum"] or 0)
            for row in answers.tallies(survey_key)
            if row["option_key"] or row["number"] is not None
        ]
        self.bulk_create(tallies)


class SurveyTally(models.Model):
    """Running counts of a survey's answers, kept in the same transaction as the answers, so
    that the results page reads a few dozen rows instead of grouping every answer.

    Per question and language: ``("", 0)`` counts the responses that answered the question;
    ``(option, 0)`` how often an option was chosen (for a ranking: ranked, with the sum of its
    positions); ``("", point)`` how often a point of a scale was chosen."""
    # Citizens' input links to nothing an editor needs to see the usage of; indexing each
    # save would queue a task per comment, support and answer.
    wagtail_reference_index_ignore = True


    survey_key = models.UUIDField(_("survey"))
    question_key = models.CharField(_("question"), max_length=64)
    option_key = models.CharField(_("option"), max_length=64, blank=True)
    number = models.SmallIntegerField(_("point on the scale"), default=NO_NUMBER)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    n = models.IntegerField(_("count"), default=0)
    rank_sum = models.IntegerField(_("sum of positions"), default=0)

    objects = TallyQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey tally")
        verbose_name_plural = _("survey tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["survey_key", "question_key", "option_key", "number", "language"],
                name="participation_tally_once"),
        ]

    def __str__(self):
        return f"{self.question_key}/{self.option_key}/{self.number}: {self.n}"

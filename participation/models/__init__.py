from .discussions import (
    EDIT_WINDOW,
    MAX_REPLY_DEPTH,
    MAX_TEXT_LENGTH,
    CitizenComment,
    CommentStatus,
    Discussion,
    HideReason,
    SortOrder,
)
from .moderation import AnswerStatus, OfficialAnswer, Report, ReportOutcome, ReportReason
from .participants import Participant
from .supports import Support
from .surveys import (
    OTHER,
    ResultsVisibility,
    Survey,
    SurveyAnswer,
    SurveyResponse,
    SurveyTally,
)

__all__ = [
    "EDIT_WINDOW",
    "MAX_REPLY_DEPTH",
    "MAX_TEXT_LENGTH",
    "CitizenComment",
    "CommentStatus",
    "Discussion",
    "HideReason",
    "AnswerStatus",
    "OfficialAnswer",
    "Report",
    "ReportOutcome",
    "ReportReason",
    "Participant",
    "SortOrder",
    "Support",
    "OTHER",
    "ResultsVisibility",
    "Survey",
    "SurveyAnswer",
    "SurveyResponse",
    "SurveyTally",
]

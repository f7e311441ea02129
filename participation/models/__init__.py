from .discussions import (
    EDIT_WINDOW,
    MAX_REPLY_DEPTH,
    MAX_TEXT_LENGTH,
    CitizenComment,
    CommentStatus,
    Discussion,
    SortOrder,
)
from .participants import Participant
from .supports import Support

__all__ = [
    "EDIT_WINDOW",
    "MAX_REPLY_DEPTH",
    "MAX_TEXT_LENGTH",
    "CitizenComment",
    "CommentStatus",
    "Discussion",
    "Participant",
    "SortOrder",
    "Support",
]

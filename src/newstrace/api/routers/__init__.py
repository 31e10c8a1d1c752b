"""One router per resource; ``newstrace.api.app`` mounts them under ``/api``."""

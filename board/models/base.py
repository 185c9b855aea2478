"""What every module of the Board's models shares."""

from alliance.core.validators import validate_no_control_characters

TEXT = [validate_no_control_characters]

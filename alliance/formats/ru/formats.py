# 28 октября 2024 г. ("E": the month's name in the genitive, as after a day)
DATE_FORMAT = "j E Y г."
SHORT_DATE_FORMAT = DATE_FORMAT
DATETIME_FORMAT = "j E Y г., H:i"
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
YEAR_MONTH_FORMAT = "F Y г."
MONTH_DAY_FORMAT = "j E"

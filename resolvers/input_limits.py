"""Size limits of user input, in one place so the schema docs and tests agree. (Quotas on
stored objects are the services' own.)"""

from datetime import datetime, timedelta, timezone

NICKNAME = 30
BIO = 500
PARTNER_NAME = 50
PARTNER_DESCRIPTION = 2000
COMMUNICATION_STYLE = 500
INTERESTS = 20
INTEREST = 30
ROOM_TITLE = 100
MESSAGES_PER_CALL = 500
MESSAGE_TEXT = 5000
SENDER_NAME = 50
NODES_PER_CALL = 100
AGE = (14, 120)
BIRTH_YEAR_FROM = 1900
EARLIEST_MESSAGE = datetime(2000, 1, 1, tzinfo=timezone.utc)
MESSAGE_CLOCK_SKEW = timedelta(days=1)
SPEECH_TEXTS = 2000
SITUATION = 1000

import datetime

from board.models import BoardMember, Meeting, Recommendation


def make_member(index: int, **fields) -> BoardMember:
    defaults = {"slug": f"member-{index}", "full_name": f"Member {index:03d}", "order": index}
    return BoardMember.objects.create(**{**defaults, **fields})


def make_meeting(number: int, **fields) -> Meeting:
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=30 * number)
    defaults = {"start_date": day, "end_date": day, "city": "Geneva", "country": "CH"}
    return Meeting.objects.create(number=number, **{**defaults, **fields})


def make_recommendation(meeting: Meeting, number: int, **fields) -> Recommendation:
    return Recommendation.objects.create(meeting=meeting, number=number, text=f"Do thing {number}", **fields)

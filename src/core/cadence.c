/* cadence.c: see cadence.h. */
#include "rapport/cadence.h"

#include <stdio.h>
#include "rapport/i18n.h"

cadence
cadence_compute(bool contacted, rp_date last, rp_date today, int min, int max)
{
	int64_t gap;

	/* A last contact that is no date (a stored time no calendar holds)
	** says nothing about the gap: as if never, not "overdue by 739 000
	** days". */
	if (!contacted || !date_valid(last.year, last.month, last.day))
		return (cadence){CADENCE_NEVER, 0};
	gap = date_to_days(today) - date_to_days(last);
	if (gap < 0)
		gap = 0;  /* a contact "in the future" (clock skew) is today's */
	if (gap < min)
		return (cadence){CADENCE_TOO_SOON, (int)(min - gap)};
	if (gap < max)
		return (cadence){CADENCE_DUE_IN, (int)(max - gap)};
	if (gap == max)
		return (cadence){CADENCE_DUE_TODAY, 0};
	return (cadence){CADENCE_OVERDUE, (int)(gap - max)};
}

int
cadence_compare(cadence a, cadence b)
{
	if (a.kind != b.kind)
		return (int)a.kind - (int)b.kind;
	if (a.kind == CADENCE_OVERDUE)
		return b.days - a.days;  /* most overdue first */
	return a.days - b.days;          /* soonest first */
}

char *
cadence_describe(cadence c, char *buf, size_t size)
{
	switch (c.kind) {
	case CADENCE_OVERDUE:
		snprintf(buf, size, P_("overdue by %d day", "overdue by %d days", c.days), c.days);
		break;
	case CADENCE_DUE_TODAY: snprintf(buf, size, "%s", _("due today")); break;
	case CADENCE_NEVER: snprintf(buf, size, "%s", _("no contact yet")); break;
	case CADENCE_DUE_IN:
		snprintf(buf, size, P_("due in %d day", "due in %d days", c.days), c.days);
		break;
	case CADENCE_TOO_SOON:
		snprintf(buf, size, P_("too soon (%d more day)", "too soon (%d more days)", c.days),
			 c.days);
		break;
	}
	return buf;
}

void
cadence_window(rp_date day, int min, int max, rp_date *from, rp_date *to)
{
	*from = date_add_days(day, min);
	*to = date_add_days(day, max);
}

rp_date
cadence_suggest(rp_date from, rp_date to)
{
	int64_t a = date_to_days(from), b = date_to_days(to);
	rp_date day = date_from_days(a + (b - a + 1) / 2);
	int wd = date_weekday(day);  /* 5 Saturday, 6 Sunday */

	if (wd >= 5) {
		rp_date monday = date_add_days(day, 7 - wd);
		rp_date friday = date_add_days(day, 4 - wd);

		if (date_to_days(monday) <= b)
			day = monday;
		else if (date_to_days(friday) >= a)
			day = friday;
	}
	return day;
}

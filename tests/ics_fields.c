/* ics_fields.c: an iCalendar file as libical reads it, one property a line,
** for the command-line tests (tests/cli/vdir.sh).
**
**   ics_fields FILE
**
** Prints "COMPONENT NAME[;PARAM=V...] VALUE" for every property of the
** VCALENDAR and of each component inside it, in file order; a text value
** is printed unescaped, a newline in it as "\n", so a line stays a line.
** libical's complaints (X-LIC-ERROR, which its parser inserts where the
** text is wrong) are printed like any property, so a test sees them.
** Exit status 1 when the file cannot be read or holds no VCALENDAR.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

/* The whole file, NUL-terminated (caller frees), or NULL. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		return NULL;
	do {
		if (cap - len < 4096) {
			char *grown = realloc(buf, cap + 65536);

			if (!grown) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = grown;
			cap += 65536;
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	fclose(f);
	buf[len] = '\0';
	return buf;
}

/* A value as a person would read it: text unescaped, the rest as libical
** writes it. */
static void
print_value(icalproperty *prop)
{
	icalvalue *v = icalproperty_get_value(prop);
	const char *s, *p;

	if (!v)
		return;
	if (icalvalue_isa(v) == ICAL_TEXT_VALUE)
		s = icalvalue_get_text(v);
	else
		s = icalvalue_as_ical_string(v);
	for (p = s ? s : ""; *p; p++) {
		if (*p == '\n')
			fputs("\\n", stdout);
		else
			putchar(*p);
	}
}

static void
print_component(icalcomponent *c)
{
	const char *kind = icalcomponent_kind_to_string(icalcomponent_isa(c));
	icalproperty *prop;
	icalparameter *par;
	icalcomponent *sub;

	for (prop = icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY); prop;
	     prop = icalcomponent_get_next_property(c, ICAL_ANY_PROPERTY)) {
		printf("%s %s", kind, icalproperty_get_property_name(prop));
		for (par = icalproperty_get_first_parameter(prop, ICAL_ANY_PARAMETER); par;
		     par = icalproperty_get_next_parameter(prop, ICAL_ANY_PARAMETER))
			printf(";%s", icalparameter_as_ical_string(par));
		putchar(' ');
		print_value(prop);
		putchar('\n');
	}
	for (sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); sub;
	     sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		print_component(sub);
}

int
main(int argc, char **argv)
{
	icalcomponent *cal;
	char *text;

	if (argc != 2) {
		fputs("usage: ics_fields FILE\n", stderr);
		return 2;
	}
	if (!(text = slurp(argv[1]))) {
		perror(argv[1]);
		return 1;
	}
	cal = icalparser_parse_string(text);
	free(text);
	if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		fprintf(stderr, "%s: no VCALENDAR\n", argv[1]);
		if (cal)
			icalcomponent_free(cal);
		return 1;
	}
	print_component(cal);
	icalcomponent_free(cal);
	return 0;
}

/* fuzz_invite.c: libFuzzer target for the invitation reader
** (src/ical/invite.c, through libical).
**
** The input is an .ics file: it is written to a temporary file and read
** with the module's own entry point, as `rapport plan --from-ics` reads
** one.  Each of its first lines is also read alone as an agenda line.
** What comes out goes into the database as typed text would, so it must
** pass the same checks: titles and items valid UTF-8 without controls,
** within MEETING_TITLE_MAX, timeboxes and lengths within a day, at most
** AGENDA_ITEMS_MAX items.  A refusal must be a message fit to show.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ical.h"
#include "rapport/invite.h"
#include "rapport/meeting.h"
#include "rapport/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define LINES_MAX 16  /* input lines also read alone as agenda lines */

static char path[4096];  /* the temporary file the input is written to */

/* A broken promise: say which, with the text that broke it, and stop. */
static void
fail(const char *why, const char *text)
{
	fprintf(stderr, "fuzz_invite: %s: \"%s\"\n", why, text);
	abort();
}

static void
remove_file(void)
{
	if (path[0] != '\0')
		unlink(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	snprintf(path, sizeof path, "%s/fuzz_invite.XXXXXX", dir && *dir ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0) {
		perror("fuzz_invite: mkstemp");
		exit(1);
	}
	close(fd);
	atexit(remove_file);
	return 0;
}

/* A message someone may be shown. */
static void
check_error(enum rp_status status, const rp_error *err)
{
	if (status == RP_OK || err->msg[0] == '\0' ||
	    !text_utf8_valid(err->msg, strlen(err->msg)) || text_has_control(err->msg))
		fail("a refusal that cannot be shown", err->msg);
}

/* Text fit for a screen: valid UTF-8, no control character (C0, DEL, C1)
** and no bidi override, a newline aside when newline_ok. */
static void
check_text(const char *s, int newline_ok)
{
	size_t len = strlen(s), i;
	uint32_t cp;
	int n;

	if (!text_utf8_valid(s, len))
		fail("text that is not UTF-8", s);
	for (i = 0; i < len; i += (size_t)n) {
		n = text_utf8_decode(s + i, len - i, &cp);
		if (cp == '\n' && newline_ok)
			continue;
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
		    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
			fail("a control character in text", s);
	}
}

/* An agenda item as meeting_plan() will store it. */
static void
check_item(const agenda_spec *item)
{
	rp_error err;

	if (meeting_check_title(item->title, "agenda item", &err) != RP_OK)
		fail(err.msg, item->title);
	if (item->minutes < 0 || item->minutes > MEETING_MINUTES_MAX)
		fail("a timebox out of range", item->title);
}

static void
read_lines(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size, *nl;
	agenda_spec item;
	enum rp_status status;
	rp_error err;
	char *line;
	size_t len;
	int n;

	for (n = 0; n < LINES_MAX && p < end; n++, p = nl < end ? nl + 1 : end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		len = (size_t)(nl - p);
		if ((line = malloc(len + 1)) == NULL)
			return;
		memcpy(line, p, len);
		line[len] = '\0';
		rp_error_clear(&err);
		status = ical_invite_line_item(line, &item, &err);
		if (status == RP_OK)
			check_item(&item);
		else if (status != RP_ENOMEM)
			check_error(status, &err);
		free(line);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static invite inv;  /* 90 KB: off the fuzzer's stack */
	enum rp_status status;
	rp_error err;
	FILE *f;
	size_t i;

	if ((f = fopen(path, "wb")) == NULL)
		return 0;
	if (fwrite(data, 1, size, f) != size) {
		fclose(f);
		return 0;
	}
	fclose(f);

	rp_error_clear(&err);
	status = ical_invite_read(path, 0, false, &inv, &err);
	if (status == RP_OK) {
		check_text(inv.title, 0);
		if (inv.title[0] != '\0' &&
		    meeting_check_title(inv.title, "title", &err) != RP_OK)
			fail(err.msg, inv.title);
		check_text(inv.location, 0);
		check_text(inv.description, 1);
		if (inv.minutes < 0 || inv.minutes > MEETING_MINUTES_MAX ||
		    inv.nitems > AGENDA_ITEMS_MAX)
			fail("a length or item count out of range", inv.title);
		for (i = 0; i < inv.nitems; i++)
			check_item(&inv.items[i]);
	} else if (status != RP_ENOMEM) {
		check_error(status, &err);
	}
	read_lines(data, size);
	return 0;
}

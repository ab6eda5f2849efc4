/* fuzz_note.c: libFuzzer target for note_parse_line.
**
** Besides not crashing, a parsed note must keep the promises note.h makes:
** text and body are valid UTF-8 without control characters and within
** NOTE_TEXT_MAX, the body is no longer than the text, and a due date is a
** real day.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/note.h"
#include "rapport/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static parsed_note note;  /* 9 KB: keep it off the fuzzer's stack */
	static const rp_date today = { 2026, 3, 13 };  /* a Friday */
	rp_error err;
	char *line;
	int i;

	line = malloc(size + 1);
	if (line == NULL)
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';

	if (note_parse_line(line, today, &note, &err) == RP_OK) {
		if (strlen(note.text) == 0 || strlen(note.text) > NOTE_TEXT_MAX ||
		    strlen(note.body) > strlen(note.text))
			abort();
		if (!text_utf8_valid(note.text, strlen(note.text)) ||
		    !text_utf8_valid(note.body, strlen(note.body)) ||
		    text_has_control(note.text) || text_has_control(note.body))
			abort();
		if (note.has_due && (!date_valid(note.due.year, note.due.month, note.due.day) ||
				     note.due_problem[0] != '\0'))
			abort();
		if (note.ntopics < 0 || note.ntopics > NOTE_TOPICS_MAX)
			abort();
		for (i = 0; i < note.ntopics; i++)
			if (note.topics[i][0] == '\0' ||
			    !text_utf8_valid(note.topics[i], strlen(note.topics[i])))
				abort();
		if (!text_utf8_valid(note.owner, strlen(note.owner)) ||
		    !text_utf8_valid(note.due_problem, strlen(note.due_problem)) ||
		    text_has_control(note.due_problem))
			abort();
	} else if (err.status != RP_EINVAL || err.msg[0] == '\0') {
		abort();
	}
	free(line);
	return 0;
}

/* export.c: a meeting as JSON.
**
** SQLite's JSON functions build and escape the document; this file only
** lays it out for people to read.
*/
#include "rapport/export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "rapport/meeting.h"
#include "rapport/i18n.h"

/* Every value read goes through one of these: another tool may have put
** NULL, a blob, text in an integer column or a time of 9e18 there.  A time
** outside years 1..9999 (DATE_TIME_MIN..DATE_TIME_MAX, as the screens and
** the Markdown read it) is null and so is a number outside its range (text
** and blobs compare above every number); text is
** cut at 16384 characters (DB_TEXT_READ_MAX, so nothing rapport wrote is
** cut) and neutralised by rp_clean(). */
#define INT_IN(col, lo, hi) "iif(" col " BETWEEN " lo " AND " hi ", " col ", NULL)"
#define ISO(col) \
	"strftime('%Y-%m-%dT%H:%M:%SZ', " INT_IN(col, "-62135596800", "253402300799") ", 'unixepoch')"
#define TEXT(col) "rp_clean(substr(" col ", 1, 16384))"
/* The seconds of talk by one side (who: "you" or "client"); a stretch
** whose ends are not both times counts 0, and sum() cannot overflow. */
#define TALK_SECONDS(who)                                                               \
	"(SELECT coalesce(sum(iif(b BETWEEN 0 AND 253402300799 AND e BETWEEN 0 AND"     \
	" 253402300799, max(0, e - b), 0)), 0) FROM (SELECT t.started_at AS b,"         \
	" coalesce(t.ended_at, m.ended_at, ?3) AS e FROM talk_segments t JOIN meetings m" \
	" ON m.id = t.meeting_id WHERE t.meeting_id = ?1 AND t.speaker = '" who "'))"

/* ?1 meeting id, ?2 include private notes, ?3 now.  Every scalar subquery
** is wrapped in json(): a subquery drops the JSON subtype, and its result
** would otherwise be quoted as a string. */
static const char export_sql[] =
	"SELECT json_object("
	" 'meeting', json((SELECT json_object('id', m.id, 'client', " TEXT("c.name") ","
	"   'title', " TEXT("m.title") ","
	"   'planned_at', " ISO("m.planned_at") ", 'started_at', " ISO("m.started_at") ","
	"   'ended_at', " ISO("m.ended_at") ","
	"   'planned_minutes', " INT_IN("m.planned_minutes", "1", "1440") ")"
	"   FROM meetings m JOIN clients c ON c.id = m.client_id WHERE m.id = ?1)),"
	" 'agenda', json((SELECT json_group_array(json(item)) FROM ("
	"   SELECT json_object('position', " INT_IN("a.position", "1", "1000000") ","
	"     'title', " TEXT("a.title") ","
	"     'timebox_minutes', " INT_IN("a.timebox_minutes", "1", "1440") ","
	"     'status', " TEXT("a.status") ","
	"     'walkthrough', json((SELECT json_group_array(json_object('member', " TEXT("w.member") ","
	"        'did', " TEXT("w.did") ", 'minutes', " INT_IN("w.minutes", "0", "1000000") ","
	"        'depends_on', " TEXT("w.depends_on") "))"
	"        FROM (SELECT * FROM walkthroughs WHERE item_id = a.id ORDER BY position) w)))"
	"     AS item FROM agenda_items a WHERE a.meeting_id = ?1 ORDER BY a.position))),"
	" 'notes', json((SELECT json_group_array(json(note)) FROM ("
	"   SELECT json_object('at', " ISO("n.at") ", 'kind', " TEXT("n.kind") ","
	"     'text', " TEXT("n.text") ","
	"     'agenda_position', " INT_IN("a.position", "1", "1000000") ","
	"     'topics', json((SELECT json_group_array(" TEXT("topic") ") FROM"
	"        (SELECT topic FROM note_topics WHERE note_id = n.id ORDER BY topic))))"
	"     AS note FROM notes n LEFT JOIN agenda_items a ON a.id = n.item_id"
	/* A kind rapport does not know could have been private: left out. */
	"   WHERE n.meeting_id = ?1 AND n.phase = 'live' AND (?2 OR n.kind IN ('note', 'need',"
	"   'concern', 'question', 'decision', 'action', 'personal', 'quote'))"
	"   ORDER BY n.at, n.id))),"
	" 'followups', json((SELECT json_group_array(json(f)) FROM ("
	"   SELECT json_object('text', " TEXT("text") ", 'owner', " TEXT("owner") ","
	"     'due', iif(date(due) IS due, due, NULL), 'status', " TEXT("status") ") AS f"
	"   FROM followups WHERE meeting_id = ?1 ORDER BY id))),"
	" 'facts', json((SELECT json_group_array(json(f)) FROM ("
	"   SELECT json_object('kind', " TEXT("kind") ", 'text', " TEXT("text") ") AS f"
	"   FROM facts WHERE meeting_id = ?1 ORDER BY id))),"
	" 'talk', json_object('you_seconds', " TALK_SECONDS("you") ","
	"   'client_seconds', " TALK_SECONDS("client") "))";

typedef struct outbuf {
	char *data;
	size_t len, cap;
	int failed;  /* out of memory */
} outbuf;

static void
out_put(outbuf *b, const char *s, size_t n)
{
	char *grown;

	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;

		while (cap < b->len + n + 1)
			cap *= 2;
		if ((grown = realloc(b->data, cap)) == NULL) {
			b->failed = 1;
			return;
		}
		b->data = grown;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void
out_newline(outbuf *b, int depth)
{
	out_put(b, "\n", 1);
	for (int i = 0; i < depth; i++)
		out_put(b, "  ", 2);
}

/* Lay out compact JSON (as SQLite writes it: no blanks outside strings)
** with two-space indentation.  Empty arrays and objects stay "[]" / "{}".
** Strings are copied as they are: the query passed every stored text
** through rp_clean(), so none holds a control character. */
static void
json_indent(outbuf *b, const char *json)
{
	const unsigned char *p = (const unsigned char *)json;
	int depth = 0;

	for (; *p; p++) {
		if (*p == '"') {
			const unsigned char *start = p++;

			for (; *p && *p != '"'; p++)
				if (*p == '\\' && p[1])
					p++;
			out_put(b, (const char *)start, (size_t)(p - start) + (*p ? 1 : 0));
			if (!*p)
				break;
		} else if ((*p == '{' || *p == '[') && (p[1] == '}' || p[1] == ']')) {
			out_put(b, (const char *)p, 2);
			p++;
		} else if (*p == '{' || *p == '[') {
			out_put(b, (const char *)p, 1);
			out_newline(b, ++depth);
		} else if (*p == '}' || *p == ']') {
			out_newline(b, --depth);
			out_put(b, (const char *)p, 1);
		} else if (*p == ',') {
			out_put(b, ",", 1);
			out_newline(b, depth);
		} else if (*p == ':') {
			out_put(b, ": ", 2);
		} else {
			out_put(b, (const char *)p, 1);
		}
	}
	out_put(b, "\n", 1);
}

enum rp_status
export_json(store *st, const rp_clock *clock, int64_t id, bool include_private, char **out,
	    rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	outbuf b = {0};
	enum rp_status s;

	*out = NULL;
	if ((s = meeting_exists(st, id, err)) != RP_OK)
		return s;
	if ((s = db_prepare(st, export_sql, &stmt, N_("exporting a meeting"), err)) != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, include_private);
	sqlite3_bind_int64(stmt, 3, rp_clock_now(clock));
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		s = store_fail(st, err, N_("exporting a meeting"));
		goto out;
	}
	/* NULL only when SQLite ran out of memory making the text. */
	if (sqlite3_column_text(stmt, 0) == NULL) {
		s = rp_fail(err, RP_ENOMEM, _("out of memory"));
		goto out;
	}
	json_indent(&b, (const char *)sqlite3_column_text(stmt, 0));
	if (b.failed) {
		free(b.data);
		s = rp_fail(err, RP_ENOMEM, _("out of memory"));
		goto out;
	}
	*out = b.data;
out:
	sqlite3_finalize(stmt);
	return s;
}

/* Write data[0..len) to fd whole.  False with errno set when it cannot. */
static bool
write_all(int fd, const char *data, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0)
			errno = EIO;
		if (n <= 0)
			return false;
		done += (size_t)n;
	}
	return true;
}

/* Write data into the special file path (a terminal, /dev/stdout, a FIFO, a
** device): opened as it is, never replaced by a regular file, and every
** write error said (/dev/full fills at once). */
static enum rp_status
write_special(const char *path, const char *data, rp_error *err)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	int saved;

	if (fd < 0)
		return rp_fail(err, RP_EIO, _("cannot write %s: %s"), path, strerror(errno));
	if (!write_all(fd, data, strlen(data))) {
		saved = errno;
		close(fd);
		return rp_fail(err, RP_EIO, _("cannot write %s: %s"), path, strerror(saved));
	}
	if (close(fd) != 0 && errno != EINTR)
		return rp_fail(err, RP_EIO, _("cannot write %s: %s"), path, strerror(errno));
	return RP_OK;
}

enum rp_status
export_check_target(const char *path, bool force, rp_error *err)
{
	struct stat sb;

	if (stat(path, &sb) != 0)
		return RP_OK;
	if (S_ISDIR(sb.st_mode))
		return rp_fail(err, RP_EINVAL, _("%s is a folder"), path);
	if (S_ISREG(sb.st_mode) && !force)
		return rp_fail(err, RP_EEXIST, _("%s already exists (add --force to replace it)"),
			       path);
	return RP_OK;
}

enum rp_status
export_write(const char *path, const char *data, bool force, rp_error *err)
{
	size_t len = strlen(data);
	char tmp[4096];
	struct stat sb;
	int fd;

	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return rp_fail(err, RP_EINVAL, _("%s is a folder"), path);
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return write_special(path, data, err);
	if (!force && access(path, F_OK) == 0)
		return rp_fail(err, RP_EEXIST, _("%s already exists (add --force to replace it)"),
			       path);
	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp)
		return rp_fail(err, RP_EINVAL, _("%s: path too long"), path);
	if ((fd = mkstemp(tmp)) < 0)
		return rp_fail(err, RP_EIO, _("cannot write %s: %s"), path, strerror(errno));
	if (!write_all(fd, data, len))
		goto fail;
	if (fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	/* link() does not replace: a file that appeared meanwhile wins. */
	if (!force && link(tmp, path) != 0)
		goto fail;
	if (force && rename(tmp, path) != 0)
		goto fail;
	if (!force)
		unlink(tmp);
	return RP_OK;
fail:
	{
		int saved = errno;

		if (fd >= 0)
			close(fd);
		unlink(tmp);
		if (saved == EEXIST)
			return rp_fail(err, RP_EEXIST, _("%s already exists (add --force to replace it)"),
				       path);
		return rp_fail(err, RP_EIO, _("cannot write %s: %s"), path, strerror(saved));
	}
}

static const char *const format_words[] = {
	[EXPORT_MD] = "md", [EXPORT_JSON] = "json", [EXPORT_ICS] = "ics",
};

/* The format of a file name (see export.h). */
enum export_format
export_format_of_name(const char *name)
{
	const char *base, *dot;

	if (name == NULL)
		return EXPORT_UNKNOWN;
	base = strrchr(name, '/');
	base = base ? base + 1 : name;
	/* ".ics" alone is a hidden file's name, not an extension. */
	if ((dot = strrchr(base, '.')) == NULL || dot == base)
		return EXPORT_UNKNOWN;
	for (size_t f = EXPORT_MD; f <= EXPORT_ICS; f++)
		if (strcasecmp(dot + 1, format_words[f]) == 0)
			return (enum export_format)f;
	return EXPORT_UNKNOWN;
}

const char *
export_format_word(enum export_format format)
{
	if (format <= EXPORT_UNKNOWN || format > EXPORT_ICS)
		return NULL;
	return format_words[format];
}

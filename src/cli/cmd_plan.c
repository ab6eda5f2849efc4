/* cmd_plan.c: plan a meeting and its agenda, or change the next one's. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "rapport/client.h"
#include "rapport/i18n.h"
#include "rapport/invite.h"
#include "rapport/meeting.h"
#include "rapport/session.h"
#include "rapport/text.h"

/* A change to the next planned meeting's agenda, in the order given. */
typedef struct agenda_op {
	enum { OP_REMOVE, OP_MOVE, OP_SET } kind;
	int position, to;        /* 1-based */
	agenda_spec spec;        /* OP_SET */
} agenda_op;

/* Parse "N:M" (move) or "N=TITLE[:MINUTES]" (set). */
static bool
parse_op(int kind, const char *text, agenda_op *op, rp_error *err)
{
	long a, b;
	char num[16];
	const char *sep = strchr(text, kind == OP_MOVE ? ':' : '=');

	op->kind = kind;
	if (kind == OP_REMOVE) {
		if (!cli_parse_int(text, 1, AGENDA_ITEMS_MAX, &a))
			return rp_fail(err, RP_EINVAL, _("--remove takes an item number, not \"%.20s\""),
				       text), false;
		op->position = (int)a;
		return true;
	}
	if (sep == NULL || sep - text >= (long)sizeof num) {
		rp_fail(err, RP_EINVAL, kind == OP_MOVE ? _("--move takes FROM:TO, like 3:1")
						       : _("--set takes N=TITLE[:MINUTES], like 2=Budget:20"));
		return false;
	}
	memcpy(num, text, (size_t)(sep - text));
	num[sep - text] = '\0';
	if (!cli_parse_int(num, 1, AGENDA_ITEMS_MAX, &a)) {
		rp_fail(err, RP_EINVAL, _("\"%.20s\" is not an item number"), num);
		return false;
	}
	op->position = (int)a;
	if (kind == OP_MOVE) {
		if (!cli_parse_int(sep + 1, 1, AGENDA_ITEMS_MAX, &b)) {
			rp_fail(err, RP_EINVAL, "%s", _("--move takes FROM:TO, like 3:1"));
			return false;
		}
		op->to = (int)b;
		return true;
	}
	return agenda_parse_spec(sep + 1, &op->spec, err) == RP_OK;
}

/* Print one whole sentence and a newline, control characters neutralised
** (the names it holds may be anything): a translated format keeps its
** words in the order its language puts them. */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
say(const char *fmt, ...)
{
	char msg[2048];
	char *clean;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	clean = text_sanitize(msg, " ");
	puts(clean ? clean : msg);
	free(clean);
}

/* Move (at, 0: not) and retitle (title, NULL: not) meeting, saying so. */
static int
move_next(store *st, const client *cl, int64_t meeting, int64_t at, const char *title)
{
	rp_error err = {0};
	char when[32];

	if (title) {
		if (meeting_retitle(st, meeting, title, &err) != RP_OK)
			return cli_fail(&err);
		say(_("retitled meeting %lld with %s: %s"), (long long)meeting, cl->name, title);
	}
	if (at) {
		if (meeting_reschedule(st, meeting, at, &err) != RP_OK)
			return cli_fail(&err);
		say(_("moved meeting %lld with %s to %s"), (long long)meeting, cl->name,
		    date_format_local(at, true, when, sizeof when));
	}
	return EXIT_OK;
}

/* Apply a new time and title, ops and new items to the client's next
** planned meeting. */
static int
edit_next(cli *c, store *st, const client *cl, int64_t at, const char *title,
	  const agenda_op *ops, size_t nops, const agenda_spec *items, size_t nitems,
	  const walk_spec *walks, size_t nwalks)
{
	rp_error err = {0};
	session *s = NULL;
	int64_t meeting = 0, item;
	int rc = EXIT_FAIL;

	(void)c;
	if (meeting_next_planned(st, cl->id, &meeting, &err) != RP_OK) {
		if (err.status == RP_ENOTFOUND)
			cli_error(_("%s has no planned meeting to change (plan one first)"), cl->name);
		else
			cli_fail(&err);
		return EXIT_FAIL;
	}
	/* Item numbers are those of the agenda as it is now: all are looked up
	** (and checked) before anything changes, so "--remove 1 --remove 2"
	** removes the first two, and a bad number changes nothing. */
	int64_t items_of[AGENDA_ITEMS_MAX];

	for (size_t i = 0; i < nops; i++)
		if (agenda_item_at(st, meeting, ops[i].position, &items_of[i], &err) != RP_OK)
			return cli_fail(&err);
	if ((at || title) && move_next(st, cl, meeting, at, title) != EXIT_OK)
		return EXIT_FAIL;
	if ((at || title) && nops == 0 && nitems == 0)
		return EXIT_OK;  /* said already: no agenda change to report */
	for (size_t i = 0; i < nops; i++) {
		enum rp_status s2;

		if (ops[i].kind == OP_REMOVE)
			s2 = agenda_remove_item(st, items_of[i], &err);
		else if (ops[i].kind == OP_MOVE)
			s2 = agenda_move_item(st, items_of[i], ops[i].to, &err);
		else
			s2 = agenda_edit_item(st, items_of[i], &ops[i].spec, &err);
		if (s2 != RP_OK)
			return cli_fail(&err);
	}
	for (size_t i = 0; i < nitems; i++) {
		if (agenda_add_item(st, meeting, &items[i], &item, &err) != RP_OK)
			return cli_fail(&err);
		for (size_t w = 0; w < nwalks; w++)
			if (walks[w].item == i &&
			    agenda_add_walkthrough(st, item, walks[w].member, walks[w].did,
						   walks[w].minutes,
						   walks[w].depends_on[0] ? walks[w].depends_on : NULL,
						   NULL, &err) != RP_OK)
				return cli_fail(&err);
	}
	if (session_load(st, meeting, &s, &err) != RP_OK)
		return cli_fail(&err);
	say(P_("changed meeting %lld with %s (%zu agenda item)",
	       "changed meeting %lld with %s (%zu agenda items)", s->nitems),
	    (long long)meeting, cl->name, s->nitems);
	session_free(s);
	rc = EXIT_OK;
	return rc;
}

#define MY_ADDRESSES_MAX 8

/* The user's own mail addresses, from $RAPPORT_EMAIL, else $EMAIL (several
** may be given, separated by commas or blanks): copied into buf, pointed
** to from mine (NULL-terminated). */
static void
my_addresses(char *buf, size_t size, const char **mine)
{
	const char *env = getenv("RAPPORT_EMAIL");
	size_t n = 0;
	char *tok, *save = NULL;

	if (env == NULL || env[0] == '\0')
		env = getenv("EMAIL");
	snprintf(buf, size, "%s", env ? env : "");
	for (tok = strtok_r(buf, ", \t", &save); tok != NULL && n < MY_ADDRESSES_MAX;
	     tok = strtok_r(NULL, ", \t", &save))
		mine[n++] = strncasecmp(tok, "mailto:", 7) == 0 ? tok + 7 : tok;
	mine[n] = NULL;
}

/* "planned meeting 3 with Acme at 2026-12-03 10:00 (4 agenda items...)";
** "logged meeting 5 with Acme, held 2012-06-28 14:30 (...)" for one
** recorded after the fact. */
static void
print_planned(store *st, const client *cl, int64_t id, const meeting_plan_args *args,
	      bool logged)
{
	rp_error err = {0};
	session *s = NULL;
	size_t total = args->nitems;
	char items[160], when[32] = "";

	if (session_load(st, id, &s, &err) == RP_OK) {
		total = s->nitems;
		session_free(s);
	}
	if (total > args->nitems)
		snprintf(items, sizeof items,
			 P_("%zu agenda item, %zu carried over from last time",
			    "%zu agenda items, %zu carried over from last time", total),
			 total, total - args->nitems);
	else
		snprintf(items, sizeof items, P_("%zu agenda item", "%zu agenda items", total),
			 total);
	if (args->planned_at)
		date_format_local(args->planned_at, true, when, sizeof when);
	if (logged && args->planned_at)
		say(_("logged meeting %lld with %s, held %s (%s)"), (long long)id, cl->name, when,
		    items);
	else if (logged)
		say(_("logged meeting %lld with %s (%s)"), (long long)id, cl->name, items);
	else if (args->planned_at)
		say(_("planned meeting %lld with %s at %s (%s)"), (long long)id, cl->name, when,
		    items);
	else
		say(_("planned meeting %lld with %s (%s)"), (long long)id, cl->name, items);
}

/* Append one change to the list in buf ("moved from ... to ..., 30
** minutes"), a comma before all but the first. */
static void add_change(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
add_change(char *buf, size_t size, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	if (len && len + 2 < size) {
		memcpy(buf + len, ", ", 3);
		len += 2;
	}
	va_start(ap, fmt);
	vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
}

/* "updated meeting 5 with Acme to the invitation's sequence 3: moved
** from ... to ..., 30 minutes". */
static void
print_update(const client *cl, const invite_result *r, const invite *inv)
{
	char from[32], to[32], changes[1536] = "";

	if (r->moved) {
		date_format_local(r->moved_from, true, from, sizeof from);
		date_format_local(r->planned_at, true, to, sizeof to);
		add_change(changes, sizeof changes, _("moved from %s to %s"),
			   r->moved_from ? from : _("no date"), to);
	}
	if (r->retitled)
		add_change(changes, sizeof changes, _("retitled \"%s\""), inv->title);
	if (r->resized)
		add_change(changes, sizeof changes, P_("%d minute", "%d minutes", inv->minutes),
			   inv->minutes);
	if (r->relocated)
		add_change(changes, sizeof changes, "%s", _("new location"));
	if (r->items_added)
		add_change(changes, sizeof changes,
			   P_("%d agenda item added", "%d agenda items added", r->items_added),
			   r->items_added);
	if (r->items_removed)
		add_change(changes, sizeof changes, P_("%d removed", "%d removed", r->items_removed),
			   r->items_removed);
	if (changes[0])
		say(_("updated meeting %lld with %s to the invitation's sequence %d: %s"),
		    (long long)r->meeting, cl->name, inv->sequence, changes);
	else
		say(_("updated meeting %lld with %s to the invitation's sequence %d (its time,"
		      " title and agenda stay as they were)"),
		    (long long)r->meeting, cl->name, inv->sequence);
}

/* Say what invite_apply did. */
static void
print_result(store *st, const client *cl, const invite *inv, const meeting_plan_args *args,
	     const invite_result *r)
{
	switch (r->outcome) {
	case INVITE_PLANNED:
		print_planned(st, cl, r->meeting, args, r->logged);
		break;
	case INVITE_UPDATED:
		print_update(cl, r, inv);
		break;
	case INVITE_UNCHANGED:
		if (r->sequence == inv->sequence)
			say(_("meeting %lld is already at this invitation's version (sequence %d);"
			      " nothing changed"), (long long)r->meeting, r->sequence);
		else
			say(_("meeting %lld is at a later version of this invitation (sequence %d,"
			      " this file's %d); nothing changed"), (long long)r->meeting,
			    r->sequence, inv->sequence);
		/* A file that says another time at no higher SEQUENCE is not the
		** organizer's update (that comes with a higher one): said, not
		** applied. */
		if (r->sequence == inv->sequence && r->planned_at && inv->starts_at &&
		    r->planned_at != inv->starts_at) {
			char file[32], meeting[32];

			date_format_local(inv->starts_at, true, file, sizeof file);
			date_format_local(r->planned_at, true, meeting, sizeof meeting);
			say(_("this file says %s; the meeting stays at %s (plan --next --at moves it)"),
			    file, meeting);
		}
		break;
	case INVITE_ADVANCED: {
		char from[32], to[32];

		date_format_local(r->moved_from, true, from, sizeof from);
		date_format_local(r->planned_at, true, to, sizeof to);
		say(_("moved meeting %lld with %s to the series' next occurrence, %s: the one of"
		      " %s is over (its agenda stays)"), (long long)r->meeting, cl->name, to, from);
		break;
	}
	case INVITE_HELD:
		say(r->state == MEETING_CANCELLED
			    ? _("meeting %lld of this invitation was cancelled; nothing changed")
		    : r->state == MEETING_LIVE
			    ? _("meeting %lld of this invitation is under way; nothing changed")
			    : _("meeting %lld of this invitation has taken place; nothing changed"),
		    (long long)r->meeting);
		break;
	case INVITE_CANCELLED:
		if (r->cancelled > 1 && r->carried_into)
			say(P_("cancelled meeting %lld with %s and %zu more of the series: its agenda"
			       " waits in meeting %lld",
			       "cancelled meeting %lld with %s and %zu more of the series: its agenda"
			       " waits in meeting %lld", r->cancelled - 1),
			    (long long)r->meeting, cl->name, r->cancelled - 1,
			    (long long)r->carried_into);
		else if (r->cancelled > 1)
			say(P_("cancelled meeting %lld with %s and %zu more of the series: its agenda"
			       " waits for the next meeting",
			       "cancelled meeting %lld with %s and %zu more of the series: its agenda"
			       " waits for the next meeting", r->cancelled - 1),
			    (long long)r->meeting, cl->name, r->cancelled - 1);
		else if (r->carried_into)
			say(_("cancelled meeting %lld with %s: its agenda waits in meeting %lld"),
			    (long long)r->meeting, cl->name, (long long)r->carried_into);
		else
			say(_("cancelled meeting %lld with %s: its agenda waits for the next meeting"),
			    (long long)r->meeting, cl->name);
		break;
	}
	if (r->people_added) {
		say(P_("added %d person to %s: %s", "added %d people to %s: %s", r->people_added),
		    r->people_added, cl->name, r->people);
	}
}

int
cmd_plan(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"at", required_argument, NULL, 'a'},
		{"minutes", required_argument, NULL, 'm'},
		{"item", required_argument, NULL, 'i'},
		{"walk", required_argument, NULL, 'w'},
		{"template", required_argument, NULL, 't'},
		{"from-ics", required_argument, NULL, 'f'},
		{"next", no_argument, NULL, 'n'},
		{"remove", required_argument, NULL, 'R'},
		{"move", required_argument, NULL, 'M'},
		{"set", required_argument, NULL, 'S'},
		{"title", required_argument, NULL, 'T'},
		{"past", no_argument, NULL, 'P'},
		{0, 0, 0, 0},
	};
	meeting_plan_args args = {0};
	agenda_spec *items = NULL;
	walk_spec *walks = NULL;
	agenda_op *ops = NULL;
	invite *inv = NULL;
	size_t nwalks = 0, nops = 0, ntemplate = 0;
	rp_error err = {0};
	const char *title = NULL, *template_title = NULL, *template = NULL, *ics = NULL;
	bool next = false, minutes_given = false, at_given = false, title_given = false, past = false;
	size_t nhand_items;
	int64_t id;
	long minutes;
	client cl;
	store *st = NULL;
	int ch, bad = 0, rc = EXIT_FAIL;

	items = calloc(AGENDA_ITEMS_MAX, sizeof *items);
	walks = calloc(AGENDA_ITEMS_MAX, sizeof *walks);
	ops = calloc(AGENDA_ITEMS_MAX, sizeof *ops);
	if (items == NULL || walks == NULL || ops == NULL) {
		cli_error("%s", _("out of memory"));
		goto out;
	}
	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1) {
		switch (ch) {
		case 'a':
			if (cli_parse_when(c, optarg, &args.planned_at, &err) != RP_OK) {
				rc = cli_fail(&err);
				goto out;
			}
			at_given = true;
			break;
		case 'm':
			if (!cli_parse_int(optarg, 1, MEETING_MINUTES_MAX, &minutes)) {
				cli_error(_("--minutes must be 1 to %d"), MEETING_MINUTES_MAX);
				goto out;
			}
			args.planned_minutes = (int)minutes;
			minutes_given = true;
			break;
		case 'i':
			if (args.nitems == AGENDA_ITEMS_MAX) {
				cli_error(_("an agenda holds at most %d items"), AGENDA_ITEMS_MAX);
				goto out;
			}
			if (agenda_parse_spec(optarg, &items[args.nitems], &err) != RP_OK) {
				rc = cli_fail(&err);
				goto out;
			}
			args.nitems++;
			break;
		case 'w':
			/* A walkthrough belongs to the --item before it. */
			if (args.nitems == 0) {
				cli_error("%s", _("--walk comes after the --item it explains"));
				goto out;
			}
			if (nwalks == AGENDA_ITEMS_MAX) {
				cli_error("%s", _("too many --walk entries"));
				goto out;
			}
			if (agenda_parse_walk(optarg, &walks[nwalks], &err) != RP_OK) {
				rc = cli_fail(&err);
				goto out;
			}
			walks[nwalks++].item = args.nitems - 1;
			break;
		case 't': template = optarg; break;
		case 'f': ics = optarg; break;
		case 'n': next = true; break;
		case 'P': past = true; break;
		case 'T':
			if (meeting_check_title(optarg, N_("meeting title"), &err) != RP_OK) {
				rc = cli_fail(&err);
				goto out;
			}
			title = optarg;
			title_given = true;
			break;
		case 'R':
		case 'M':
		case 'S':
			if (nops == AGENDA_ITEMS_MAX) {
				cli_error("%s", _("too many agenda changes at once"));
				goto out;
			}
			if (!parse_op(ch == 'R' ? OP_REMOVE : ch == 'M' ? OP_MOVE : OP_SET, optarg,
				      &ops[nops], &err)) {
				rc = cli_fail(&err);
				goto out;
			}
			nops++;
			next = true;
			break;
		}
	}
	if (bad) {
		rc = EXIT_USAGE;
		goto out;
	}
	if (optind >= argc || argc - optind > 2) {
		rc = cli_usage("%s", _("plan takes CLIENT and an optional TITLE (quote a title with spaces)"));
		goto out;
	}
	if (argc - optind == 2 && title_given) {
		cli_error("%s", _("a TITLE and --title: give the title once"));
		goto out;
	}
	if (argc - optind == 2) {
		title = argv[optind + 1];
		if (meeting_check_title(title, N_("meeting title"), &err) != RP_OK) {
			rc = cli_fail(&err);
			goto out;
		}
	}
	if (next && ((title && !title_given) || template || ics || minutes_given)) {
		cli_error("%s", _("--next, --remove, --move and --set change the next planned meeting"
				  " (--at moves it, --title renames it); a TITLE, --minutes, --template"
				  " or --from-ics plan a new one"));
		goto out;
	}
	if (past && ics == NULL) {
		rc = cli_usage("%s", _("--past goes with --from-ics: it plans an invitation that is over"));
		goto out;
	}
	nhand_items = args.nitems;
	if (template) {
		/* The template's items come first, the --item ones after. */
		agenda_spec tpl[AGENDA_ITEMS_MAX];

		ntemplate = agenda_template(template, tpl, AGENDA_ITEMS_MAX, &template_title);
		if (ntemplate == 0) {
			cli_error("%s", _("--template must be kickoff, weekly, steering or retro"));
			goto out;
		}
		if (ntemplate + args.nitems > AGENDA_ITEMS_MAX) {
			cli_error(_("an agenda holds at most %d items"), AGENDA_ITEMS_MAX);
			goto out;
		}
		memmove(items + ntemplate, items, args.nitems * sizeof *items);
		memcpy(items, tpl, ntemplate * sizeof *items);
		for (size_t w = 0; w < nwalks; w++)
			walks[w].item += ntemplate;
		args.nitems += ntemplate;
	}
	if (ics) {
		if ((inv = calloc(1, sizeof *inv)) == NULL) {
			cli_error("%s", _("out of memory"));
			goto out;
		}
		if (invite_read(ics, rp_clock_now(&c->clock), past, inv, &err) != RP_OK) {
			rc = cli_fail(&err);
			goto out;
		}
		if (inv->nitems + args.nitems > AGENDA_ITEMS_MAX) {
			cli_error(_("an agenda holds at most %d items"), AGENDA_ITEMS_MAX);
			goto out;
		}
		memmove(items + inv->nitems, items, args.nitems * sizeof *items);
		memcpy(items, inv->items, inv->nitems * sizeof *items);
		for (size_t w = 0; w < nwalks; w++)
			walks[w].item += inv->nitems;
		args.nitems += inv->nitems;
		if (!at_given)
			args.planned_at = inv->starts_at;
		if (!minutes_given && inv->minutes > 0 && inv->minutes <= MEETING_MINUTES_MAX)
			args.planned_minutes = inv->minutes;
		if (title == NULL && inv->title[0])
			title = inv->title;
		args.location = inv->location[0] ? inv->location : NULL;
		args.description = inv->description[0] ? inv->description : NULL;
	}
	if ((st = cli_open_client(c, argv[optind], STORE_WRITE, &cl)) == NULL)
		goto out;
	if (next) {
		rc = edit_next(c, st, &cl, at_given ? args.planned_at : 0, title, ops, nops, items,
			       args.nitems, walks, nwalks);
		goto out;
	}
	if (ntemplate > 0 && cl.lang != RP_LANG_EN)
		/* The agenda is shared with the client: in their language, the
		** same items with the same timeboxes. */
		agenda_template_in(cl.lang, template, items, ntemplate, &template_title);
	args.client_id = cl.id;
	/* The title is shared with the client (the invitation, the recap):
	** in their language when none is given. */
	args.title = title ? title : template_title ? template_title
			     : IN_LANG(cl.lang, "Meeting", "Réunion");
	args.items = items;
	args.walks = walks;
	args.nwalks = nwalks;
	if (inv != NULL) {
		const char *mine[MY_ADDRESSES_MAX + 1];
		char addresses[1024];
		invite_apply_args ia = {
			.client_id = cl.id, .inv = inv, .plan = &args, .mine = mine,
			.hand_changes = at_given || minutes_given || title_given ||
					argc - optind == 2 || template || nhand_items > 0,
		};
		invite_result r;

		my_addresses(addresses, sizeof addresses, mine);
		if (invite_apply(st, &c->clock, &ia, &r, &err) != RP_OK) {
			rc = cli_fail(&err);
			goto out;
		}
		print_result(st, &cl, inv, &args, &r);
		rc = EXIT_OK;
		goto out;
	}
	if (meeting_plan(st, &c->clock, &args, &id, &err) != RP_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	print_planned(st, &cl, id, &args, false);
	rc = EXIT_OK;
out:
	store_close(st);
	free(items);
	free(walks);
	free(ops);
	free(inv);
	return rc;
}

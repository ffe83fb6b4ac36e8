/*
 * cmd-table.h: what each command file gives the command table
 * (src/cmd/table.c): its execs and its option tables.  Only the command
 * layer includes it.
 */
#ifndef TAM_CMD_TABLE_H
#define TAM_CMD_TABLE_H

struct cmd_option;
struct tam_ctx;

/* cmd-account.c */
extern const struct cmd_option cmd_account_add_options[];
extern const struct cmd_option cmd_account_set_options[];
extern const struct cmd_option cmd_account_list_options[];
extern const struct cmd_option cmd_account_rm_options[];
int	 cmd_account_add_exec(struct tam_ctx *, int, char **);
int	 cmd_account_set_exec(struct tam_ctx *, int, char **);
int	 cmd_account_show_exec(struct tam_ctx *, int, char **);
int	 cmd_account_list_exec(struct tam_ctx *, int, char **);
int	 cmd_account_archive_exec(struct tam_ctx *, int, char **);
int	 cmd_account_rm_exec(struct tam_ctx *, int, char **);

/* cmd-action.c */
extern const struct cmd_option cmd_action_options[];
int	 cmd_action_exec(struct tam_ctx *, int, char **);

/* cmd-complete.c */
int	 cmd_complete_exec(struct tam_ctx *, int, char **);

/* cmd-config.c */
int	 cmd_config_get_exec(struct tam_ctx *, int, char **);
int	 cmd_config_set_exec(struct tam_ctx *, int, char **);
int	 cmd_config_list_exec(struct tam_ctx *, int, char **);

/* cmd-cta.c */
extern const struct cmd_option cmd_cta_list_options[];
extern const struct cmd_option cmd_cta_open_options[];
extern const struct cmd_option cmd_cta_update_options[];
extern const struct cmd_option cmd_cta_close_options[];
int	 cmd_cta_list_exec(struct tam_ctx *, int, char **);
int	 cmd_cta_show_exec(struct tam_ctx *, int, char **);
int	 cmd_cta_open_exec(struct tam_ctx *, int, char **);
int	 cmd_cta_update_exec(struct tam_ctx *, int, char **);
int	 cmd_cta_close_exec(struct tam_ctx *, int, char **);

/* cmd-done.c */
extern const struct cmd_option cmd_done_options[];
int	 cmd_done_exec(struct tam_ctx *, int, char **);
int	 cmd_skip_exec(struct tam_ctx *, int, char **);

/* cmd-due.c */
extern const struct cmd_option cmd_due_options[];
int	 cmd_due_exec(struct tam_ctx *, int, char **);

/* cmd-export.c */
int	 cmd_export_exec(struct tam_ctx *, int, char **);

/* cmd-help.c */
int	 cmd_help_exec(struct tam_ctx *, int, char **);

/* cmd-ics.c */
extern const struct cmd_option cmd_ics_options[];
int	 cmd_ics_exec(struct tam_ctx *, int, char **);

/* cmd-import.c */
extern const struct cmd_option cmd_import_options[];
int	 cmd_import_exec(struct tam_ctx *, int, char **);

/* cmd-init.c */
int	 cmd_init_exec(struct tam_ctx *, int, char **);

/* cmd-note.c */
int	 cmd_note_exec(struct tam_ctx *, int, char **);

/* cmd-report.c */
extern const struct cmd_option cmd_report_renewals_options[];
extern const struct cmd_option cmd_report_at_risk_options[];
int	 cmd_report_renewals_exec(struct tam_ctx *, int, char **);
int	 cmd_report_at_risk_exec(struct tam_ctx *, int, char **);

/* cmd-restore.c */
int	 cmd_restore_exec(struct tam_ctx *, int, char **);

/* cmd-review.c */
int	 cmd_review_exec(struct tam_ctx *, int, char **);

/* cmd-risk-update.c */
extern const struct cmd_option cmd_risk_update_options[];
int	 cmd_risk_update_exec(struct tam_ctx *, int, char **);

/* cmd-sentiment.c */
extern const struct cmd_option cmd_sentiment_options[];
int	 cmd_sentiment_exec(struct tam_ctx *, int, char **);

/* cmd-sync.c */
extern const struct cmd_option cmd_sync_options[];
int	 cmd_sync_exec(struct tam_ctx *, int, char **);

/* cmd-task.c */
extern const struct cmd_option cmd_task_list_options[];
extern const struct cmd_option cmd_task_set_options[];
int	 cmd_task_list_exec(struct tam_ctx *, int, char **);
int	 cmd_task_set_exec(struct tam_ctx *, int, char **);
int	 cmd_task_reopen_exec(struct tam_ctx *, int, char **);

/* cmd-team.c */
extern const struct cmd_option cmd_team_add_options[];
int	 cmd_team_add_exec(struct tam_ctx *, int, char **);
int	 cmd_team_list_exec(struct tam_ctx *, int, char **);
int	 cmd_team_rm_exec(struct tam_ctx *, int, char **);

/* cmd-timeline.c */
extern const struct cmd_option cmd_timeline_options[];
int	 cmd_timeline_exec(struct tam_ctx *, int, char **);

#endif

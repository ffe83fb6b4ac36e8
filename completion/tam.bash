# bash completion for tam(1): commands, sub-commands, options and their
# values.  Installed by `make install` into BASHCOMPDIR; source it by hand
# with `. completion/tam.bash`.
# Keep in step with the command table (src/cmd/table.c) and SPEC §2-§9.

_tam_commands="init account import sync due task done skip action review
	sentiment risk-update cta timeline note report export restore ics
	config team help"
_tam_globals="--db --today --format --color --no-color -q --quiet -h --help
	-V --version"
_tam_formats="table tsv csv json jsonl"
_tam_sentiments="green yellow red"
_tam_task_kinds="renewal_review_1 renewal_review_2 renewal_question
	renewal_plan sentiment_update risk_cta_update risk_update
	action_architecture action_utilization action_roadmap custom"
_tam_action_kinds="architecture utilization roadmap custom"
_tam_post_types="risk_update note meeting sentiment renewal_question
	renewal_plan cta import renewal_date"
_tam_risk_types="customer-churn tier-downgrade seat-churn customer-sentiment
	competitor stage-name"
_tam_risk_reasons="lack-of-adoption product-value-gaps
	product-quality-availability lack-of-engagement-sponsor loss-of-budget
	corporate-decision other"
_tam_config_keys="window.months review1.months_before review2.months_before
	contact.days strategic.acv review.sa_always schedule.skip_weekends
	risk_update.every sentiment.stale_days due.horizon me"
_tam_fields="sfid tam sal sa rsd tam-manager acv currency renewal health
	stage region segment licenses active-users objectives"
_tam_account_opts="--sfid --tam --sal --sa --rsd --tam-manager --acv
	--currency --renewal --health --stage --upsell --region --segment
	--licenses --active-users --objectives"

# The sub-commands of a command ("" when it has none).
_tam_subcommands() {
	case $1 in
	account)	echo "add set show list archive rm" ;;
	task)		echo "list set reopen" ;;
	cta)		echo "list show open update close" ;;
	config)		echo "get set list" ;;
	team)		echo "add list rm" ;;
	report)		echo "renewals at-risk" ;;
	esac
}

# The options of "command sub-command".
_tam_options() {
	case $1 in
	"account add")		echo "$_tam_account_opts" ;;
	"account set")		echo "$_tam_account_opts --name --no-upsell --clear" ;;
	"account list")		echo "--tam --sentiment --triage --renewing-within
				    --strategic --archived" ;;
	"account rm")		echo "--yes" ;;
	"team add")		echo "--tam --manager --admin" ;;
	import)			echo "--dry-run --changes --skip-invalid --rejects --map
				    --date-format --delimiter --decimal-comma --key" ;;
	sync)			echo "--tam --dry-run" ;;
	due)			echo "--tam --horizon --all --no-sync" ;;
	"task list")		echo "--open --all --account --kind --tam" ;;
	"task set")		echo "--due --title --note" ;;
	done | skip)		echo "--note" ;;
	action)			echo "--title --due --note" ;;
	sentiment)		echo "--triage --note --cta" ;;
	risk-update)		echo "--note" ;;
	"cta list")		echo "--open --kind --tam" ;;
	"cta open")		echo "--risk-type --risk-reason --note" ;;
	"cta update")		echo "--risk-type --risk-reason --title" ;;
	"cta close")		echo "--won --lost --net-arr --note" ;;
	timeline)		echo "--type --since" ;;
	"report renewals")	echo "--by --within --tam" ;;
	"report at-risk")	echo "--tam" ;;
	ics)			echo "--tam --within" ;;
	esac
}

# Escapes the word $1 for the command line, into the variable _tam_q:
# a backslash before each character the shell would read otherwise (a
# name has spaces, an apostrophe, an ampersand).
_tam_quote() {
	local s=$1 c
	# The backslash first, then each special one: a substitution each,
	# not a loop over the characters (100 names must take no time).
	s=${s//\\/\\\\}
	for c in ' ' "'" '"' '$' '`' '&' ';' '|' '<' '>' '(' ')' '*' '?' \
	    '[' ']' '!' '#' '~' '{' '}'; do
		[[ $s == *"$c"* ]] && s=${s//"$c"/\\$c}
	done
	_tam_q=$s
}

# Completes from the book itself: the account names, TAM names, open
# task or CTA ids ($1: account, tam, task or cta) that start with the
# word $2, asked of `tam __complete`, which reads the database (the one
# --db names on the line, else tam's usual one) and never writes it,
# and prints nothing when there is none.
_tam_book() {
	local kind=$1 cur=$2 quote="" line i
	local -a db=()

	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db)	db=(--db "${COMP_WORDS[i+1]}") ;;
		--db=*)	db=("${COMP_WORDS[i]}") ;;
		esac
	done
	# The word as typed: 'Acme C or Acme\ C both mean "Acme C".
	case $cur in
	\'* | \"*)	quote=${cur:0:1}; cur=${cur:1} ;;
	*)		cur=${cur//\\/} ;;
	esac
	COMPREPLY=()
	while IFS= read -r line; do
		line=${line%%$'\t'*}
		if [ -n "$quote" ]; then
			COMPREPLY+=("$line")
		else
			_tam_quote "$line"
			COMPREPLY+=("$_tam_q")
		fi
	done < <(command tam "${db[@]}" __complete "$kind" -- "$cur" \
	    2>/dev/null)
}

# Completes the value of option $1 of "command sub-command" $2 into
# COMPREPLY; returns 1 when the option takes no value.
_tam_option_value() {
	local cur=$3 words=""

	case $1 in
	--db | --rejects)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
		return 0 ;;
	--format)
		words=$_tam_formats
		[ "$2" = export ] && words="json jsonl" ;;
	--color)	words="auto always never" ;;
	--sentiment)	words=$_tam_sentiments ;;
	--by)		words="month quarter" ;;
	--risk-type)	words=$_tam_risk_types ;;
	--risk-reason)	words=$_tam_risk_reasons ;;
	--lost)		words="churn downgrade contraction" ;;
	--date-format)	words="mdy dmy ymd" ;;
	--key)		words="sfid name" ;;
	--type)		words=$_tam_post_types ;;
	--clear)	words=$_tam_fields ;;
	--kind)
		words=$_tam_task_kinds
		[ "$2" = "cta list" ] && words="renewal risk" ;;
	--today | --due | --renewal | --since)
		words="today +7d +2w +1m" ;;
	--within | --horizon | --renewing-within)
		words="7d 2w 1m 3m 6m 12m" ;;
	--tam)
		_tam_book tam "$cur"
		return 0 ;;
	--account)
		_tam_book account "$cur"
		return 0 ;;
	--sal | --sa | --rsd | --tam-manager | --sfid | --acv | \
	--currency | --health | --stage | --region | --segment | --licenses | \
	--active-users | --objectives | --name | --note | --title | \
	--net-arr | --map | --delimiter)
		# A value nobody can guess: offer nothing, not the options.
		COMPREPLY=()
		return 0 ;;
	*)
		return 1 ;;
	esac
	COMPREPLY=($(compgen -W "$words" -- "$cur"))
	return 0
}

# Does option $1 take a value (the next word)?
_tam_takes_value() {
	case $1 in
	--db | --today | --format | --color | --rejects | --sentiment | --by | \
	--risk-type | --risk-reason | --lost | --date-format | --key | --type | \
	--clear | --kind | --due | --renewal | --since | --within | --horizon | \
	--renewing-within | --tam | --sal | --sa | --rsd | --tam-manager | \
	--sfid | --acv | --currency | --health | --stage | --region | \
	--segment | --licenses | --active-users | --objectives | --name | \
	--note | --title | --net-arr | --map | --delimiter | --account)
		return 0 ;;
	esac
	return 1
}

_tam() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=""
	local i w cmd="" sub="" key nargs=0

	[ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}
	# Find the command, the sub-command and the count of positional
	# arguments, stepping over options and the values they take.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ $w == -* ]]; then
			_tam_takes_value "$w" && i=$((i + 1))
			continue
		fi
		if [ -z "$cmd" ]; then
			cmd=$w
		elif [ -z "$sub" ] && [ -n "$(_tam_subcommands "$cmd")" ]; then
			sub=$w
		else
			nargs=$((nargs + 1))
		fi
	done
	key=$cmd${sub:+ $sub}

	if [[ $prev == -* ]] && _tam_takes_value "$prev"; then
		_tam_option_value "$prev" "$key" "$cur"
		return 0
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_tam_options "$key") $_tam_globals" \
		    -- "$cur"))
		return 0
	fi
	if [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "$_tam_commands" -- "$cur"))
		return 0
	fi
	if [ -z "$sub" ] && [ -n "$(_tam_subcommands "$cmd")" ]; then
		COMPREPLY=($(compgen -W "$(_tam_subcommands "$cmd")" -- "$cur"))
		return 0
	fi
	# Positional arguments with a fixed set of values.
	case $key in
	help)
		[ "$nargs" -eq 0 ] &&
		    COMPREPLY=($(compgen -W "$_tam_commands" -- "$cur")) ;;
	"config get" | "config set")
		[ "$nargs" -eq 0 ] &&
		    COMPREPLY=($(compgen -W "$_tam_config_keys" -- "$cur")) ;;
	sentiment)
		[ "$nargs" -eq 0 ] && _tam_book account "$cur"
		[ "$nargs" -eq 1 ] &&
		    COMPREPLY=($(compgen -W "$_tam_sentiments" -- "$cur")) ;;
	action)
		[ "$nargs" -eq 0 ] && _tam_book account "$cur"
		[ "$nargs" -eq 1 ] &&
		    COMPREPLY=($(compgen -W "$_tam_action_kinds" -- "$cur")) ;;
	"account set" | "account show" | "account archive" | "account rm" | \
	review | risk-update | timeline | note | "cta open")
		[ "$nargs" -eq 0 ] && _tam_book account "$cur" ;;
	"cta show" | "cta update" | "cta close")
		[ "$nargs" -eq 0 ] && _tam_book cta "$cur" ;;
	done | skip)
		_tam_book task "$cur" ;;
	import | restore)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur")) ;;
	esac
	return 0
}

complete -F _tam tam

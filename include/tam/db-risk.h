/*
 * db-risk.h: the SQL the at-risk playbook needs beyond db.h (changing an
 * open CTA).  Same conventions as db.h: 0 on success, 1 where "not
 * found" is a normal answer, -1 with *err allocated.
 */
#ifndef TAM_DB_RISK_H
#define TAM_DB_RISK_H

#include <stdint.h>

#include "tam/db.h"

/*
 * Sets the title, risk type and risk reason of CTA id; a NULL value
 * leaves that field as it is.  Only an open CTA changes: 0, or 1 when
 * the CTA is missing or not open.
 */
int	 db_cta_update(struct tam_db *, int64_t id, const char *title,
	    const char *risk_type, const char *risk_reason, char **err);

#endif

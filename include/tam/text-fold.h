/*
 * text-fold.h: folding of names is part of the text module now; this
 * name stays for the files that include it (see text.h).
 */
#ifndef TAM_TEXT_FOLD_H
#define TAM_TEXT_FOLD_H

#include "tam/text.h"

#endif

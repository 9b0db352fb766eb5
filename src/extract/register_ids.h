// Trader-identifier recognition: check-digit validators and the lexicon-driven finder.
// One include for callers; the parts live in check_digits.h and register_id_finder.h.
#pragma once

#include "extract/check_digits.h"        // IWYU pragma: export
#include "extract/register_id_finder.h"  // IWYU pragma: export

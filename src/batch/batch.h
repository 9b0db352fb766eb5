// omnicheck batch stage: many sites, a resumable SQLite store, shards across machines.
// (Filled in by the batch-mode issue.)
#pragma once

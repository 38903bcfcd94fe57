#pragma once
// A small hand-made dataset for the search tests, where the right answers are obvious.

#include "crm/data/dataset.h"

namespace crm::search::test {

//! Number of deals sharing one text in SearchSample (ids "DUP00000", "DUP00001", …).
inline constexpr int kSharedTextDeals = 50;

//! Six accounts: Kan-code and Konex (large software companies in the United States and Japan, buying
//! GTX Pro and GTK 500), Zumma and Cheapmart (small retailers buying MG Special), Blue Medic (medical,
//! a subsidiary of Konex) and Nullcorp (nothing known); three products, two agents; a few deals each, one
//! without an account, and kSharedTextDeals won GTX Pro deals of Kan-code by Darcel Schlecht.
Dataset SearchSample();

}  // namespace crm::search::test

#pragma once
// Invented company names from syllables: a fixed, collision-free numbering of names.

#include <cstdint>
#include <string>

namespace crm::demo {

//! Names made of onset + middle + tail syllables alone ("Corenova"): indexes 0..kSingleWordNames-1.
inline constexpr uint64_t kSingleWordNames = 16000;
//! Names from kSingleWordNames on add a word ("Corenova Labs"); from kAccountNameCapacity on, the name of
//! index % kAccountNameCapacity gets a number (" 2", " 3", ...).
inline constexpr uint64_t kAccountNameCapacity = 192000;

//! The company name numbered `index`; distinct indexes give distinct names.
std::string AccountName(uint64_t index);

}  // namespace crm::demo

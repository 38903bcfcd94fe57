#pragma once
// An allocator for large tables read at random (hash tables of millions of lookups): allocations of
// 2 MiB or more are aligned to 2 MiB and advised to the kernel as transparent huge pages, so that a
// lookup misses the TLB far less often. Smaller ones come from the ordinary heap.

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>

namespace crm {

//! std::allocator, except that blocks of kHugePageBytes or more are backed by huge pages when the
//! kernel allows them (transparent huge pages in "madvise" or "always" mode).
template <typename T>
class HugePageAllocator {
 public:
  using value_type = T;
  //! The size of a huge page on x86-64 and the threshold for using them.
  static constexpr size_t kHugePageBytes = size_t{2} << 20;

  HugePageAllocator() = default;
  //! Allocators of any type are interchangeable.
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>& /*other*/) {}  // NOLINT: implicit, as allocators are

  //! Room for `count` values.
  T* allocate(size_t count) {
    if (count * sizeof(T) < kHugePageBytes) return std::allocator<T>().allocate(count);
    // Mapped on its own (never kept by malloc for other uses once freed), at a huge page boundary: map a
    // huge page more than needed, then unmap what lies before the boundary and after the block.
    const size_t bytes = Rounded(count);
    char* mapped = static_cast<char*>(
        mmap(nullptr, bytes + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (mapped == MAP_FAILED) throw std::bad_alloc();
    const size_t before =
        (kHugePageBytes - reinterpret_cast<uintptr_t>(mapped) % kHugePageBytes) % kHugePageBytes;
    if (before > 0) munmap(mapped, before);
    munmap(mapped + before + bytes, kHugePageBytes - before);
    madvise(mapped + before, bytes, MADV_HUGEPAGE);  // advice only: without huge pages the block still works
    return reinterpret_cast<T*>(mapped + before);
  }
  //! Frees what allocate(count) returned.
  void deallocate(T* block, size_t count) {
    if (count * sizeof(T) < kHugePageBytes) {
      std::allocator<T>().deallocate(block, count);
    } else {
      munmap(block, Rounded(count));
    }
  }
  //! Allocators of any type are interchangeable.
  template <typename U>
  bool operator==(const HugePageAllocator<U>& /*other*/) const {
    return true;
  }

 private:
  //! The bytes of `count` values rounded up to whole huge pages.
  static size_t Rounded(size_t count) {
    return (count * sizeof(T) + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
  }
};

}  // namespace crm

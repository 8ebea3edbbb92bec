// TrivialArray<T>: a growable array of trivially copyable elements whose storage grows without
// copying once it is large.
//
// Why not std::vector: a vector grows by allocating twice its capacity and copying, so at the
// moment it grows it holds its old and its new storage, three times its size in the worst case.
// The document's node and block arenas are the largest arrays a reader builds (72 and 28 bytes
// per node and block, more than the text itself in a draft of short lines), and they are grown
// one push at a time because no reader knows in advance how many nodes it will make.
//
// A small array grows by std::realloc. From trivial_storage::mapped_bytes on, the array maps its
// storage itself (on Linux; elsewhere it stays with realloc) and grows it with mremap, which
// moves pages rather than bytes; the capacity not yet written is address space, not memory, and
// storage given back goes back to the system at once. Through realloc alone each generation
// below the allocator's own mapping threshold (32 MiB, cli/allocator) was copied and its old
// block left in the heap, written and kept: 19 MB of the 80 MB that parsing 300,000 short list
// items took (new-list-kinds of bench/adversarial at 2N).
#pragma once

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace redline {

// The storage of TrivialArray (engine/trivial_array.cpp).
namespace trivial_storage {
// Storage of at least this many bytes is mapped by the array, in whole pages.
inline constexpr std::size_t mapped_bytes = std::size_t{1} << 20;
// `bytes` rounded up to whole pages.
std::size_t whole_pages(std::size_t bytes);
// Moves the first `used` bytes of `data` (storage of `bytes`, made here; nullptr for none) to
// storage of `new_bytes` (whole pages when mapped_bytes or more), gives back the old and returns
// the new; nullptr when there is no memory for it, the old being kept.
void* resize(void* data, std::size_t bytes, std::size_t used, std::size_t new_bytes);
// Gives back storage of `bytes` made by resize().
void release(void* data, std::size_t bytes) noexcept;
}  // namespace trivial_storage

template <class T>
class TrivialArray {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                  "TrivialArray moves its elements with realloc and mremap");
    // The size of mapped storage is told by the capacity's bytes, rounded up to whole pages:
    // right while an element is smaller than a page.
    static_assert(sizeof(T) < 4096, "TrivialArray's elements are smaller than a page");

public:
    TrivialArray() = default;
    TrivialArray(const TrivialArray& other) { assign(other); }
    TrivialArray(TrivialArray&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)),
          capacity_(std::exchange(other.capacity_, 0)) {}
    TrivialArray& operator=(const TrivialArray& other) {
        if (this != &other) assign(other);
        return *this;
    }
    TrivialArray& operator=(TrivialArray&& other) noexcept {
        if (this != &other) {
            trivial_storage::release(data_, capacity_ * sizeof(T));
            data_ = std::exchange(other.data_, nullptr);
            size_ = std::exchange(other.size_, 0);
            capacity_ = std::exchange(other.capacity_, 0);
        }
        return *this;
    }
    ~TrivialArray() { trivial_storage::release(data_, capacity_ * sizeof(T)); }

    std::size_t size() const { return size_; }
    std::size_t capacity() const { return capacity_; }
    bool empty() const { return size_ == 0; }
    T* data() { return data_; }
    const T* data() const { return data_; }
    T& operator[](std::size_t i) { return data_[i]; }
    const T& operator[](std::size_t i) const { return data_[i]; }
    T& back() { return data_[size_ - 1]; }
    const T& back() const { return data_[size_ - 1]; }
    T* begin() { return data_; }
    T* end() { return data_ + size_; }
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }

    void push_back(const T& value) {
        if (size_ == capacity_) {
            // `value` may live in this array: copy it before the storage moves.
            const T copy = value;
            grow_to(capacity_ < 16 ? 16 : 2 * capacity_);
            data_[size_++] = copy;
            return;
        }
        data_[size_++] = value;
    }
    void pop_back() { --size_; }
    void clear() { size_ = 0; }
    void reserve(std::size_t n) {
        if (n > capacity_) grow_to(n);
    }
    // Gives back the capacity beyond the size (mapped storage keeps the rest of its last page).
    void shrink_to_fit() {
        if (capacity_ == size_) return;
        if (size_ == 0) {
            trivial_storage::release(std::exchange(data_, nullptr), capacity_ * sizeof(T));
            capacity_ = 0;
            return;
        }
        const std::size_t bytes = storage_bytes(size_);
        if (bytes == capacity_ * sizeof(T)) return;
        if (void* p = trivial_storage::resize(data_, capacity_ * sizeof(T), size_ * sizeof(T), bytes)) {
            data_ = static_cast<T*>(p);
            capacity_ = bytes / sizeof(T);
        }
    }

private:
    // The bytes of storage for n elements.
    static std::size_t storage_bytes(std::size_t n) {
        const std::size_t bytes = n * sizeof(T);
        return bytes < trivial_storage::mapped_bytes ? bytes : trivial_storage::whole_pages(bytes);
    }
    void grow_to(std::size_t n) {
        if (n > (static_cast<std::size_t>(-1) >> 1) / sizeof(T)) throw std::bad_alloc();
        const std::size_t bytes = storage_bytes(n);
        void* p = trivial_storage::resize(data_, capacity_ * sizeof(T), size_ * sizeof(T), bytes);
        if (p == nullptr) throw std::bad_alloc();
        data_ = static_cast<T*>(p);
        capacity_ = bytes / sizeof(T);
    }
    void assign(const TrivialArray& other) {
        clear();
        reserve(other.size_);
        if (other.size_ != 0) std::memcpy(static_cast<void*>(data_), other.data_, other.size_ * sizeof(T));
        size_ = other.size_;
    }

    T* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

}  // namespace redline

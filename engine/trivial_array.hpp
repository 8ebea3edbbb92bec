// TrivialArray<T>: a growable array of trivially copyable elements whose storage grows with
// std::realloc.
//
// Why not std::vector: a vector grows by allocating twice its capacity and copying, so at the
// moment it grows it holds its old and its new storage, three times its size in the worst case.
// The document's node and block arenas are the largest arrays a reader builds (72 and 28 bytes
// per node and block, more than the text itself in a draft of short lines), and they are grown
// one push at a time because no reader knows in advance how many nodes it will make. realloc of a
// large block (one the allocator maps by itself) moves its pages rather than its bytes (mremap on
// Linux), and the capacity not yet written is address space, not memory: the arena costs its
// size, not three times it. Smaller blocks are copied as a vector's would be.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace redline {

template <class T>
class TrivialArray {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                  "TrivialArray moves its elements with realloc");

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
            std::free(data_);
            data_ = std::exchange(other.data_, nullptr);
            size_ = std::exchange(other.size_, 0);
            capacity_ = std::exchange(other.capacity_, 0);
        }
        return *this;
    }
    ~TrivialArray() { std::free(data_); }

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
    // Gives back the capacity beyond the size (in place: realloc shrinks without copying).
    void shrink_to_fit() {
        if (capacity_ == size_) return;
        if (size_ == 0) {
            std::free(std::exchange(data_, nullptr));
            capacity_ = 0;
            return;
        }
        if (T* p = static_cast<T*>(std::realloc(data_, size_ * sizeof(T)))) {
            data_ = p;
            capacity_ = size_;
        }
    }

private:
    void grow_to(std::size_t n) {
        if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_alloc();
        T* p = static_cast<T*>(std::realloc(data_, n * sizeof(T)));
        if (p == nullptr) throw std::bad_alloc();
        data_ = p;
        capacity_ = n;
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

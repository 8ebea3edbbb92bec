// A library named like libzip that has none of its functions (see tests/CMakeLists.txt).
extern "C" int redline_stand_in_libzip() { return 0; }

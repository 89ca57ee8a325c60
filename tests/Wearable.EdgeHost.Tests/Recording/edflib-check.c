/* Prints what EDFlib (the reference EDF+/BDF+ C library, Debian package libedf-dev) reads from a file:
   header facts, per-signal parameters, a hash of every signal's digital samples and all annotations.
   Build: apt-get install libedf-dev gcc; gcc -O1 -o edflib-check edflib-check.c -ledf
   Used to check files written by EdfWriter against an independent reader (docs/recording.md). */
#include <stdio.h>
#include <stdlib.h>
#include "edflib.h"
int main(int argc, char **argv) {
  struct edf_hdr_struct h;
  if (edfopen_file_readonly(argv[1], &h, EDFLIB_READ_ALL_ANNOTATIONS)) { printf("OPEN FAILED filetype=%d\n", h.filetype); return 1; }
  printf("type %d signals %d records %lld duration %lld start %02d.%02d.%04d %02d:%02d:%02d annotations %lld\n", h.filetype, h.edfsignals, h.datarecords_in_file, h.datarecord_duration,
    h.startdate_day, h.startdate_month, h.startdate_year, h.starttime_hour, h.starttime_minute, h.starttime_second, h.annotations_in_file);
  for (int s = 0; s < h.edfsignals; s++) {
    struct edf_param_struct *p = &h.signalparam[s];
    int n = (int)p->smp_in_file; int *buf = malloc(sizeof(int) * n);
    int got = edfread_digital_samples(h.handle, s, n, buf);
    unsigned long long sum = 0; for (int i = 0; i < got; i++) sum = sum * 31 + (unsigned long long)(long long)buf[i];
    printf("signal %d '%s' dim '%s' phys %g %g dig %d %d spr %d samples %d hash %llu\n", s, p->label, p->physdimension, p->phys_min, p->phys_max, p->dig_min, p->dig_max, p->smp_in_datarecord, got, sum);
    free(buf);
  }
  for (int a = 0; a < h.annotations_in_file; a++) {
    struct edf_annotation_struct an; edf_get_annotation(h.handle, a, &an);
    printf("annotation %lld '%s' '%s'\n", an.onset, an.duration, an.annotation);
  }
  edfclose_file(h.handle);
  return 0;
}

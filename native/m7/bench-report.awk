# Turns the image's "M name units reps ticks" lines into instructions per work unit (40 per tick under -icount shift=0).
/^WEARABLE-M7 READY/ { print image ": " $0 }
/^M / {
    instructions = $5 * 40
    printf "  %-26s %10d instructions  %8.3f per unit (%d units x %d reps)\n", $2, instructions, instructions / ($3 * $4), $3, $4
}

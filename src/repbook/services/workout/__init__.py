"""The workout log: workouts, sets, the open workout, quick log, body weight."""

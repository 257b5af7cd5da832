package org.credo.scheduling.timetabling.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the ITC 2007 curriculum-based course timetabling score of a solution from the competition's definitions,
 * without the solver, so that the solver's own score can be checked against it and a result compared with
 * published ones. Hard: every lecture scheduled and the lectures of a course in distinct periods (one violation per
 * missing or doubled lecture), one lecture per room and period (one per extra lecture), conflicting courses (same
 * teacher or a common curriculum) never in the same period (one per pair of courses and period), unavailable periods
 * kept free (one per lecture). Soft: see {@link ItcScore}.
 */
public final class ItcScorer {

    private ItcScorer() {}

    /** The score of the assignments as a solution of the instance. */
    public static ItcScore score(Instance instance, List<Assignment> assignments) {
        var courses = instance.coursesById();
        var rooms = instance.roomsById();
        int ppd = instance.periodsPerDay();
        // lectures per course and period, per room and period
        var coursePeriod = new HashMap<String, Map<Integer, Integer>>();
        var roomPeriod = new HashMap<String, Integer>();
        var courseRooms = new HashMap<String, Set<String>>();
        var courseDays = new HashMap<String, Set<Integer>>();
        var scheduled = new HashMap<String, Integer>();
        int roomCapacity = 0;
        for (var a : assignments) {
            int p = a.day() * ppd + a.period();
            coursePeriod.computeIfAbsent(a.course(), k -> new HashMap<>()).merge(p, 1, Integer::sum);
            roomPeriod.merge(a.room() + "\u0000" + p, 1, Integer::sum);
            courseRooms.computeIfAbsent(a.course(), k -> new HashSet<>()).add(a.room());
            courseDays.computeIfAbsent(a.course(), k -> new HashSet<>()).add(a.day());
            scheduled.merge(a.course(), 1, Integer::sum);
            roomCapacity += Math.max(
                    0, courses.get(a.course()).students() - rooms.get(a.room()).capacity());
        }

        int lectures = 0;
        int minWorkingDays = 0;
        int roomStability = 0;
        for (var course : instance.courses()) {
            int placed = scheduled.getOrDefault(course.id(), 0);
            lectures += Math.max(0, course.lectures() - placed);
            for (int n : coursePeriod.getOrDefault(course.id(), Map.of()).values()) {
                lectures += n - 1;
            }
            int days = courseDays.getOrDefault(course.id(), Set.of()).size();
            minWorkingDays += 5 * Math.max(0, course.minWorkingDays() - days);
            roomStability +=
                    Math.max(0, courseRooms.getOrDefault(course.id(), Set.of()).size() - 1);
        }

        int roomOccupancy = 0;
        for (int n : roomPeriod.values()) {
            roomOccupancy += n - 1;
        }

        int conflicts = 0;
        var conflicting = instance.conflicts();
        for (var a : instance.courses()) {
            var periodsOfA = coursePeriod.getOrDefault(a.id(), Map.of()).keySet();
            for (var b : conflicting.get(a.id())) {
                if (a.id().compareTo(b) < 0) {
                    for (int p : coursePeriod.getOrDefault(b, Map.of()).keySet()) {
                        if (periodsOfA.contains(p)) {
                            conflicts++;
                        }
                    }
                }
            }
        }

        int availability = 0;
        for (var u : instance.unavailability()) {
            availability += coursePeriod.getOrDefault(u.course(), Map.of()).getOrDefault(u.day() * ppd + u.period(), 0);
        }

        int compactness = 0;
        for (var curriculum : instance.curricula()) {
            var busy = new HashSet<Integer>();
            for (var c : curriculum.courses()) {
                busy.addAll(coursePeriod.getOrDefault(c, Map.of()).keySet());
            }
            for (int p : busy) {
                int slot = p % ppd;
                boolean before = slot > 0 && busy.contains(p - 1);
                boolean after = slot < ppd - 1 && busy.contains(p + 1);
                if (!before && !after) {
                    compactness += 2;
                }
            }
        }
        return new ItcScore(
                lectures,
                conflicts,
                roomOccupancy,
                availability,
                roomCapacity,
                minWorkingDays,
                compactness,
                roomStability);
    }
}

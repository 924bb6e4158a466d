"""The pose model: kinematics, reaching, the format's errors and the checks that catch a wrong picture."""

from __future__ import annotations

import math
import re

import pytest

from repbook.core.pose.body import FOREARM, THIGH, TORSO, UPPER_ARM, pose_figure, reach_arm
from repbook.core.pose.check import pair_problems, problems
from repbook.core.pose.scene import solve, solve_pair
from repbook.core.pose.spec import PoseSpecError, parse_poses
from repbook.core.pose.svg import FRAME_H, position_pictures

STANDING = {j: 0.0 for j in ("torso", "neck", "shoulder", "elbow", "hip", "knee", "ankle")}
STANDING |= {f"far_{j}": 0.0 for j in ("shoulder", "elbow", "hip", "knee", "ankle")}


def test_standing_figure_stacks_its_segments_straight_up() -> None:
    points = pose_figure(STANDING).points
    assert points["shoulder"] == pytest.approx((0.0, TORSO))
    assert points["knee"] == pytest.approx((0.0, -THIGH))
    assert points["hand"] == pytest.approx((0.0, TORSO - UPPER_ARM - FOREARM))
    assert points["toe"][0] > points["ankle"][0]  # the feet point the way the figure faces


def test_flexing_the_hip_swings_the_thigh_forward() -> None:
    points = pose_figure(STANDING | {"hip": 90.0}).points
    assert points["knee"] == pytest.approx((THIGH, 0.0))


def test_an_arm_reaches_any_point_within_its_length_with_the_elbow_bending_forward() -> None:
    shoulder = (0.0, 100.0)
    for target in ((20.0, 60.0), (40.0, 100.0), (-10.0, 60.0), (30.0, 140.0)):
        flexion, elbow = reach_arm(0.0, shoulder, target)
        hand = pose_figure(STANDING | {"shoulder": flexion, "elbow": elbow}, (0.0, 100.0 - TORSO)).points[
            "hand"
        ]
        assert math.dist(hand, target) < 1e-6
        assert 0.0 <= elbow <= 150.0


def _pair(start: str, end: str, kit: str = "") -> dict[str, object]:
    import tomllib

    return tomllib.loads(f"[poses]\n{kit}\nstart = {{ {start} }}\nend = {{ {end} }}\n")["poses"]


def test_a_valid_deadlift_has_no_problems_and_draws_two_accessible_pictures() -> None:
    pair = parse_poses(
        _pair(
            'base = "deadlift", hands = "bar"',
            'base = "standing", shoulder = 0, elbow = 0',
            'kit = [{ kind = "barbell", name = "bar", start = "ankle", dx = 6, dy = 19.5, end = "hands" }]',
        )
    )
    assert pair_problems(solve_pair(pair)) == []
    pictures = position_pictures("Deadlift", "deadlift", pair)
    assert pictures["moves"] is True
    svg = str(pictures["start"]["svg"])  # type: ignore[index]
    assert '<title id="pose-deadlift-start-t">Deadlift: start position</title>' in svg
    assert "<script" not in svg and "href" not in svg
    width, height = re.search(r'viewBox="\S+ \S+ (\S+) (\S+)"', svg).groups()  # type: ignore[union-attr]
    assert float(width) == 260 and 120 <= float(height) <= FRAME_H


def test_a_bar_out_of_reach_is_reported() -> None:
    pair = parse_poses(
        _pair(
            'base = "standing", hands = "bar"',
            'base = "standing"',
            'kit = [{ kind = "barbell", name = "bar", at = [60, 22.5] }]',
        )
    )
    assert any("hand misses its target" in p for p in problems(solve(pair.start, pair.kit, "start")))


def test_a_joint_past_its_range_and_a_floating_foot_are_reported() -> None:
    pair = parse_poses(
        _pair('base = "standing", knee = -30', 'base = "standing", anchor = "hip", at = [0, 120]')
    )
    start, end = solve_pair(pair)
    assert any(p.startswith("knee at -30°") for p in problems(start))
    assert any("heel should rest on the floor" in p for p in problems(end))


def test_a_leg_through_a_bench_is_reported() -> None:
    pair = parse_poses(
        _pair(
            'base = "standing"', 'base = "standing"', 'kit = [{ kind = "bench", at = [0, 45], length = 60 }]'
        )
    )
    assert any("passes through the kit" in p for p in problems(solve(pair.start, pair.kit, "start")))


def test_a_figure_too_big_for_the_frame_is_reported() -> None:
    pair = parse_poses(_pair('base = "standing", anchor = "hip", at = [0, 260]', 'base = "standing"'))
    assert "the figures do not fit in the frame" in pair_problems(solve_pair(pair))


@pytest.mark.parametrize(
    ("start", "kit", "field"),
    [
        ('base = "flying"', "", "poses.start.base"),
        ('base = "standing", wingspan = 3', "", "poses.start.wingspan"),
        ('base = "standing", hip = "a lot"', "", "poses.start.hip"),
        ('base = "standing", hands = "bar"', "", "poses.start.hands"),
        ('base = "standing"', 'kit = [{ kind = "trampoline", at = [0, 0] }]', "poses.kit[0].kind"),
        ('base = "standing"', 'kit = [{ kind = "bench" }]', "poses.kit[0].at"),
        ('base = "standing"', 'kit = [{ kind = "bench", at = "elbow", dx = "x" }]', "poses.kit[0].at.dx"),
        ('base = "standing", rests = ["wings"]', "", "poses.start.rests"),
    ],
)
def test_format_errors_name_the_field(start: str, kit: str, field: str) -> None:
    with pytest.raises(PoseSpecError) as caught:
        parse_poses(_pair(start, 'base = "standing"', kit))
    assert caught.value.field == field


def test_reaching_for_kit_that_moves_with_the_hands_is_an_error() -> None:
    pair = parse_poses(
        _pair(
            'base = "standing", hands = "bar"',
            'base = "standing"',
            'kit = [{ kind = "barbell", name = "bar", at = "hands" }]',
        )
    )
    with pytest.raises(PoseSpecError, match="moves with the body"):
        solve_pair(pair)


def test_a_front_view_swings_each_arm_out_to_its_own_side() -> None:
    pair = parse_poses(
        _pair('base = "standing", shoulder = 90, elbow = 0', 'base = "standing", shoulder = 0, elbow = 0')
        | {"view": "front"}
    )
    start, end = solve_pair(pair)
    hip_x = start.figure.points["hip"][0]
    near, far = start.figure.points["hand"], start.figure.points["far_hand"]
    assert near[0] < hip_x - 50 and far[0] > hip_x + 50  # arms out left and right, at shoulder height
    assert near[1] == pytest.approx(far[1]) == pytest.approx(start.figure.points["arm_root"][1])
    assert pair_problems((start, end)) == []
    svg = str(position_pictures("Lateral raise", "x", pair)["start"]["svg"])  # type: ignore[index]
    assert 'class="pose-far" stroke="currentColor" stroke-linecap="round" opacity="1"' in svg


def test_a_near_limb_seen_from_the_front_reaches_its_target() -> None:
    pair = parse_poses(_pair('base = "standing", hand = [-40, 150]', 'base = "standing"') | {"view": "front"})
    start, _ = solve_pair(pair)
    assert math.dist(start.figure.points["hand"], (-40.0, 150.0)) < 1e-6


def test_an_unknown_view_is_an_error() -> None:
    with pytest.raises(PoseSpecError) as caught:
        parse_poses(_pair('base = "standing"', 'base = "standing"') | {"view": "top"})
    assert caught.value.field == "poses.view"


def test_an_arm_pointing_at_the_viewer_looks_short_from_the_front_and_full_from_the_side() -> None:
    forward = 'base = "standing", shoulder = 90, shoulder_depth = 85, elbow = 0'
    front = solve_pair(parse_poses(_pair(forward, 'base = "standing"') | {"view": "front"}))[0]
    side = solve_pair(parse_poses(_pair(forward, 'base = "standing"')))[0]
    reach = {s.view: math.dist(s.figure.points["arm_root"], s.figure.points["hand"]) for s in (front, side)}
    assert reach["front"] < 8 and reach["side"] == pytest.approx(62.0)


def _front_hand(turn: float, view: str = "front") -> tuple[tuple[float, float], tuple[float, float]]:
    arm = f'base = "standing", shoulder = 0, elbow = 90, forearm_turn = {turn}'
    scene = solve_pair(parse_poses(_pair(arm, arm) | {"view": view}))[0]
    return scene.figure.points["elbow"], scene.figure.points["hand"]


def test_a_bent_forearm_turns_from_out_to_the_side_to_across_the_body_from_the_front() -> None:
    # The near arm is on the viewer's left: out is further left, across the body is to the right.
    (ex, ey), (hx, hy) = _front_hand(0)
    assert hx == pytest.approx(ex - FOREARM) and hy == pytest.approx(ey)
    (ex, ey), (hx, hy) = _front_hand(180)
    assert hx == pytest.approx(ex + FOREARM) and hy == pytest.approx(ey)
    (ex, _), (hx, _) = _front_hand(90)
    assert abs(hx - ex) < 1e-6  # pointing at the viewer, the forearm shows end-on


def test_turning_the_forearm_changes_nothing_seen_from_the_side() -> None:
    assert _front_hand(0, "side") == _front_hand(180, "side")


def test_a_forearm_turned_past_across_the_body_is_a_problem() -> None:
    arm = 'base = "standing", elbow = 90, forearm_turn = 200'
    scene = solve_pair(parse_poses(_pair(arm, arm) | {"view": "front"}))[0]
    assert any("forearm_turn" in p for p in problems(scene))


def _joint_problems(pose: str, view: str) -> list[str]:
    pair = _pair(pose, pose) | ({"view": view} if view == "front" else {})
    return problems(solve_pair(parse_poses(pair))[0])


def test_from_the_front_an_arm_may_cross_above_the_head_to_the_other_shoulder() -> None:
    crossing = 'base = "standing", shoulder = 215, elbow = 10, far_shoulder = 135, far_elbow = 10'
    assert _joint_problems(crossing, "front") == []
    scene = solve_pair(parse_poses(_pair(crossing, crossing) | {"view": "front"}))[0]
    points = scene.figure.points
    # The near arm starts on the viewer's left and its hand ends past the middle, above the head.
    assert points["arm_root"][0] < 0 < points["hand"][0] and points["hand"][1] > points["head"][1]
    # From the side the same number is past what a shoulder can do.
    assert any(p.startswith("shoulder at 215") for p in _joint_problems(crossing, "side"))
    assert any(
        p.startswith("shoulder at 235") for p in _joint_problems('base = "standing", shoulder = 235', "front")
    )


def test_from_the_front_a_thigh_held_towards_the_viewer_may_point_up_with_the_knee_over_the_hip() -> None:
    knees_up = 'base = "standing", hip = 168, hip_depth = 50, knee = 152, rests = []'
    assert _joint_problems(knees_up, "front") == []
    points = solve_pair(parse_poses(_pair(knees_up, knees_up) | {"view": "front"}))[0].figure.points
    # The knee stands above its hip, close to it sideways: pointing at the viewer, not splayed out.
    assert points["knee"][1] > points["hip"][1] + 20
    assert abs(points["knee"][0] - points["leg_root"][0]) < 6
    assert any(p.startswith("hip at 168") for p in _joint_problems(knees_up, "side"))


def test_from_the_front_an_arm_may_cross_down_in_front_of_the_body_to_the_other_hip() -> None:
    across = 'base = "standing", far_shoulder = -75, far_elbow = 0'
    assert _joint_problems(across, "front") == []
    points = solve_pair(parse_poses(_pair(across, across) | {"view": "front"}))[0].figure.points
    # The far arm (on the viewer's right) reaches past the middle, over the near hip.
    assert points["far_hand"][0] < points["leg_root"][0] < points["far_arm_root"][0]
    assert any(p.startswith("far_shoulder at -75") for p in _joint_problems(across, "side"))
    too_far = 'base = "standing", far_shoulder = -85'
    assert any(p.startswith("far_shoulder at -85") for p in _joint_problems(too_far, "front"))


def _trunk(depth: float, view: str) -> dict[str, tuple[float, float]]:
    pose = f'base = "standing", torso_depth = {depth}'
    return solve_pair(parse_poses(_pair(pose, pose) | {"view": view}))[0].figure.points


def test_from_the_front_a_trunk_bent_towards_the_viewer_looks_short_with_the_head_between_the_shoulders() -> (
    None
):
    upright, bent = _trunk(0, "front"), _trunk(70, "front")
    shown = math.dist(bent["hip"], bent["shoulder"])
    assert shown == pytest.approx(TORSO * math.cos(math.radians(70)))
    assert math.dist(upright["hip"], upright["shoulder"]) == pytest.approx(TORSO)
    # The head comes down with the shoulders, closer to them than a head held upright.
    assert math.dist(bent["head"], bent["shoulder"]) < math.dist(upright["head"], upright["shoulder"]) / 2
    # The shoulders stay as wide as ever: the trunk turns about the line through the hips.
    assert math.dist(bent["arm_root"], bent["far_arm_root"]) == pytest.approx(32.0)


def test_a_trunk_leaning_towards_the_viewer_changes_nothing_seen_from_the_side() -> None:
    assert _trunk(0, "side") == _trunk(70, "side")


def test_a_trunk_turned_past_the_line_of_sight_is_a_problem() -> None:
    pose = 'base = "standing", torso_depth = 95'
    assert any(p.startswith("torso_depth at 95") for p in _joint_problems(pose, "front"))


def test_kit_on_the_chest_stays_on_a_trunk_that_leans_towards_the_viewer() -> None:
    pose = 'base = "standing", torso_depth = 60'
    pair = _pair(pose, pose) | {"view": "front", "kit": [{"kind": "plate", "at": "chest"}]}
    scene = solve_pair(parse_poses(pair))[0]
    hip, shoulder = scene.figure.points["hip"], scene.figure.points["shoulder"]
    plate = scene.items[0][1].at
    # Two thirds of the way up the shortened trunk, not above the shoulders.
    assert plate[1] == pytest.approx(hip[1] + 34.0 * math.cos(math.radians(60)))
    assert hip[1] < plate[1] < shoulder[1]

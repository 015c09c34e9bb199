/**
 * Reinforcement learning (강화 학습) at its smallest: an agent (에이전트) observes a state (상태), takes an
 * action (행동), receives a reward (보상) from the environment (환경) and improves its policy (정책).
 */
package dl.reinforcement;

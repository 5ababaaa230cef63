/**
 * Emergency Severity Index (ESI) version 4 triage as a plain, framework-free rule engine.
 *
 * <p>Source: Gilboy N, Tanabe P, Travers D, Rosenau AM. <i>Emergency Severity Index (ESI): A Triage Tool for
 * Emergency Department Care, Version 4. Implementation Handbook</i>, 2012 edition (AHRQ Publication
 * No. 12-0014), republished by the Emergency Nurses Association in 2020. The algorithm walks four decision
 * points in order:
 * <ol>
 *   <li><b>A</b> – does the patient require an immediate life-saving intervention (or is unresponsive)? → ESI 1</li>
 *   <li><b>B</b> – is this a patient who should not wait (high-risk situation, new confusion/lethargy/
 *       disorientation, severe pain or distress)? → ESI 2</li>
 *   <li><b>C</b> – how many different resources are needed? none → ESI 5, one → ESI 4, many → decision point D</li>
 *   <li><b>D</b> – danger-zone vital signs? → consider ESI 2, otherwise ESI 3</li>
 * </ol>
 *
 * <p>The engine only <em>proposes</em> a level: decision points A and B (and the resource count) are answered by
 * the triage nurse, and where the handbook says "consider" the nurse may override the proposal. Nothing in this
 * package depends on persistence, CDI or Quarkus, so it can be reused by other services.
 */
package dev.medi.triage;

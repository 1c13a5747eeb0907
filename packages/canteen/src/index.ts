export { headcount, meals, nonNegativeNumber, purchases, suppliers } from "./kinds.js";

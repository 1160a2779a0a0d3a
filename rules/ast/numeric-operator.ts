/** The value of `left <operator> right` for the comparison and arithmetic operators; undefined for any other operator. */
export function applyNumericOperator(operator: string, left: number, right: number): number | boolean | undefined {
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return left / right;
    case '%':
      return left % right;
    default:
      return undefined;
  }
}

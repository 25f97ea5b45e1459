package com.augno.errors.spring.codes;

/**
 * One string constant passed to {@code AugnoException.of} in the application's classes.
 *
 * @param code the code as written
 * @param className the fully qualified name of the class that passes it
 * @param methodName the method that passes it
 * @param line the source line, or {@code -1} when the class has no line numbers
 * @since 0.1.0
 */
public record ErrorCodeUsage(String code, String className, String methodName, int line) {

	/**
	 * Return where the code is used, as a stack trace names a frame.
	 * @return such as {@code com.example.ItemController.find(ItemController.java:42)}
	 */
	public String location() {
		String simpleName = this.className.substring(this.className.lastIndexOf('.') + 1);
		int nested = simpleName.indexOf('$');
		String file = ((nested >= 0) ? simpleName.substring(0, nested) : simpleName) + ".java";
		return this.className + "." + this.methodName + "(" + file + ((this.line >= 0) ? ":" + this.line : "") + ")";
	}

}

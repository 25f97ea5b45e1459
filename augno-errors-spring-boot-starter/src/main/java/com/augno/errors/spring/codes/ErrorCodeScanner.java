package com.augno.errors.spring.codes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * Finds the string constants that compiled classes pass to
 * {@code AugnoException.of(String)} and {@code AugnoException.of(String, Throwable)}, by
 * reading their byte code with Spring's ASM: no class is loaded or initialized. A code
 * computed at run time, or a cause argument more complex than a local variable, is not
 * seen.
 *
 * @since 0.1.0
 */
public final class ErrorCodeScanner {

	private static final String OWNER = "com/augno/errors/AugnoException";

	private static final byte[] OWNER_BYTES = OWNER.getBytes(StandardCharsets.UTF_8);

	private static final String OF_CODE = "(Ljava/lang/String;)Lcom/augno/errors/AugnoException;";

	private static final String OF_CODE_AND_CAUSE = "(Ljava/lang/String;Ljava/lang/Throwable;)Lcom/augno/errors/AugnoException;";

	private final ResourcePatternResolver resolver;

	/**
	 * Create a scanner that reads classes through the given class loader.
	 * @param classLoader the class loader of the application
	 */
	public ErrorCodeScanner(@Nullable ClassLoader classLoader) {
		this.resolver = new PathMatchingResourcePatternResolver(classLoader);
	}

	/**
	 * Return the codes passed as constants in the classes of the given packages and their
	 * sub-packages.
	 * @param packages the packages to read, such as the application's base packages
	 * @return the usages, in class path order
	 * @throws IOException if a class cannot be read
	 */
	public List<ErrorCodeUsage> scan(List<String> packages) throws IOException {
		List<ErrorCodeUsage> usages = new ArrayList<>();
		for (String pkg : packages) {
			String pattern = ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX
					+ ClassUtils.convertClassNameToResourcePath(pkg) + "/**/*.class";
			for (Resource resource : this.resolver.getResources(pattern)) {
				byte[] bytes;
				try (InputStream in = resource.getInputStream()) {
					bytes = in.readAllBytes();
				}
				// Only a class whose constant pool names AugnoException can call it.
				if (contains(bytes, OWNER_BYTES)) {
					new ClassReader(bytes).accept(new UsageCollector(usages), ClassReader.SKIP_FRAMES);
				}
			}
		}
		return usages;
	}

	private static boolean contains(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static final class UsageCollector extends ClassVisitor {

		private final List<ErrorCodeUsage> usages;

		private String className = "";

		UsageCollector(List<ErrorCodeUsage> usages) {
			super(Opcodes.ASM9);
			this.usages = usages;
		}

		@Override
		public void visit(int version, int access, String name, @Nullable String signature, @Nullable String superName,
				String @Nullable [] interfaces) {
			this.className = name.replace('/', '.');
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, @Nullable String signature,
				String @Nullable [] exceptions) {
			return new CallCollector(this.usages, this.className, name);
		}

	}

	/**
	 * Follows the instructions of one method: a string constant followed either directly
	 * by {@code of(String)}, or by one local variable load and {@code of(String,
	 * Throwable)}.
	 */
	private static final class CallCollector extends MethodVisitor {

		private final List<ErrorCodeUsage> usages;

		private final String className;

		private final String methodName;

		private @Nullable String constant;

		private int loadsSinceConstant;

		private int line = -1;

		CallCollector(List<ErrorCodeUsage> usages, String className, String methodName) {
			super(Opcodes.ASM9);
			this.usages = usages;
			this.className = className;
			this.methodName = methodName;
		}

		@Override
		public void visitLineNumber(int line, Label start) {
			this.line = line;
		}

		@Override
		public void visitLdcInsn(Object value) {
			this.constant = (value instanceof String string) ? string : null;
			this.loadsSinceConstant = 0;
		}

		@Override
		public void visitVarInsn(int opcode, int varIndex) {
			if (opcode == Opcodes.ALOAD && this.loadsSinceConstant == 0) {
				this.loadsSinceConstant = 1;
			}
			else {
				this.constant = null;
			}
		}

		@Override
		public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
			if (this.constant != null && opcode == Opcodes.INVOKESTATIC && OWNER.equals(owner) && "of".equals(name)) {
				boolean direct = OF_CODE.equals(descriptor) && this.loadsSinceConstant == 0;
				boolean withCause = OF_CODE_AND_CAUSE.equals(descriptor) && this.loadsSinceConstant == 1;
				if (direct || withCause) {
					this.usages.add(new ErrorCodeUsage(this.constant, this.className, this.methodName, this.line));
				}
			}
			this.constant = null;
		}

		@Override
		public void visitInsn(int opcode) {
			this.constant = null;
		}

		@Override
		public void visitIntInsn(int opcode, int operand) {
			this.constant = null;
		}

		@Override
		public void visitTypeInsn(int opcode, String type) {
			this.constant = null;
		}

		@Override
		public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
			this.constant = null;
		}

		@Override
		public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
				Object... bootstrapMethodArguments) {
			this.constant = null;
		}

		@Override
		public void visitJumpInsn(int opcode, Label label) {
			this.constant = null;
		}

	}

}
